@org.jspecify.annotations.NullMarked
package com.bazaar.platform.id;
