@org.jspecify.annotations.NullMarked
package com.bazaar.user.internal;
