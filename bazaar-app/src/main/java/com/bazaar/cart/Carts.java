package com.bazaar.cart;

import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.UserId;
/** The cart module's API. Every method acts on the cart of the given user only. */
public interface Carts {
  int MAX_QUANTITY = 999;

  Cart cart(UserId userId);

  /** How many units the cart holds (all lines' quantities), without reading the catalog. */
  long units(UserId userId);

  /** Sets the quantity of an item (0 removes it); throws ItemNotFound for an unknown item. */
  Cart setQuantity(UserId userId, ItemId itemId, int quantity);

  Cart remove(UserId userId, ItemId itemId);

  /** Empties the cart, inside the caller's transaction when there is one. */
  void clear(UserId userId);
}
