@org.jspecify.annotations.NullMarked
package com.bazaar.catalog.internal;
