package com.bazaar.cart;

import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.UserId;

/** The cart module's API. Every method acts on the cart of the given user only. */
public interface Carts {
  /**
   * Units of one item a cart line may hold, and one order may ask for (its lines added up): one
   * limit, so that every cart can be ordered. It bounds what one buyer can hold from stock in one
   * order (docs/security.md, Limits per buyer); refusals name it.
   */
  int MAX_QUANTITY = 200;

  Cart cart(UserId userId);

  /** How many units the cart holds (all lines' quantities), without reading the catalog. */
  long units(UserId userId);

  /** Sets the quantity of an item (0 removes it); throws ItemNotFound for an unknown item. */
  Cart setQuantity(UserId userId, ItemId itemId, int quantity);

  Cart remove(UserId userId, ItemId itemId);

  /** Empties the cart, inside the caller's transaction when there is one. */
  void clear(UserId userId);
}
