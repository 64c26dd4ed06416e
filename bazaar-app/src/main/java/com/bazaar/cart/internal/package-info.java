@org.jspecify.annotations.NullMarked
package com.bazaar.cart.internal;
