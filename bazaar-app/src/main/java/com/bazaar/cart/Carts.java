package com.bazaar.cart;

/** The cart module's API. Every method acts on the cart of the given user only. */
public interface Carts {
  int MAX_QUANTITY = 999;

  Cart cart(long userId);

  /** How many units the cart holds (all lines' quantities), without reading the catalog. */
  long units(long userId);

  /** Sets the quantity of an item (0 removes it); throws ItemNotFound for an unknown item. */
  Cart setQuantity(long userId, long itemId, int quantity);

  Cart remove(long userId, long itemId);

  /** Empties the cart, inside the caller's transaction when there is one. */
  void clear(long userId);
}
