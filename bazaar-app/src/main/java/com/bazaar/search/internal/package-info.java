@org.jspecify.annotations.NullMarked
package com.bazaar.search.internal;
