@org.jspecify.annotations.NullMarked
package com.bazaar.inventory.internal;
