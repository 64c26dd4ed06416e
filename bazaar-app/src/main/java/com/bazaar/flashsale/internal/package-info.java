@org.jspecify.annotations.NullMarked
package com.bazaar.flashsale.internal;
