/**
 * Shopping carts: each shopper's lines, priced at the catalog's current prices whenever the
 * cart is read. Depends on the catalog's API only.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.cart;
