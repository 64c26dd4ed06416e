package com.bazaar.cart;

/**
 * A shopper's cart lines changed (an in-process event of this node, published inside the
 * change's transaction): lets what shows a cart's size, such as the shop header's count, drop
 * what it holds.
 */
public record CartChanged(long userId) {}
