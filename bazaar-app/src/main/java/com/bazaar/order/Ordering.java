package com.bazaar.order;

import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The order module's API. Placing reserves stock atomically (all lines or none); paying
 * collects the money once; cancelling returns the stock. Every method acts only on the
 * buyer's own orders: another buyer's order is reported as not found.
 *
 * <p>An idempotency key makes a retry return the first result without repeating anything.
 */
public interface Ordering {

  default Order place(UserId buyerId, List<OrderRequestLine> lines, Optional<String> idempotencyKey) {
    return place(buyerId, lines, CheckoutChoices.NONE, idempotencyKey);
  }

  /**
   * Places the order shipping to the chosen address of the buyer's book (absent: the default one,
   * if any; another buyer's or an unknown id is refused as invalid input) and recording the
   * chosen payment method. The order keeps a copy of the address.
   */
  Order place(UserId buyerId, List<OrderRequestLine> lines, CheckoutChoices choices, Optional<String> idempotencyKey);

  /**
   * Places a one-line order at a set unit price (a flash sale's) instead of the catalog's,
   * reserving the stock like any order. The idempotency key is required: the flash-sale
   * consumer may see a ticket twice and must get the same order back.
   */
  Order placeAtPrice(UserId buyerId, OrderRequestLine line, Money unitPrice, String idempotencyKey);

  default Order placeFromCart(UserId buyerId, Optional<String> idempotencyKey) {
    return placeFromCart(buyerId, CheckoutChoices.NONE, idempotencyKey);
  }

  /** The cart's lines as one order, with the checkout choices of {@link #place(UserId, List, CheckoutChoices, Optional)}. */
  Order placeFromCart(UserId buyerId, CheckoutChoices choices, Optional<String> idempotencyKey);

  Order pay(UserId buyerId, OrderId orderId, Optional<String> idempotencyKey);

  Order cancel(UserId buyerId, OrderId orderId);

  Order order(UserId buyerId, OrderId orderId);

  /** The buyer's orders, newest first. */
  Page<Order> orders(UserId buyerId, PageSpec page);
}
