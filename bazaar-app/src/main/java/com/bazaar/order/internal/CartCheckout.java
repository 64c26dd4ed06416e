package com.bazaar.order.internal;

import com.bazaar.cart.Cart;
import com.bazaar.cart.Carts;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.platform.id.UserId;
import org.springframework.stereotype.Component;

/** An order from the buyer's cart: its lines at the time of placing, and the cart emptied once the order stands. */
@Component
class CartCheckout {
  private final Carts carts;
  private final OrderLimits limits;

  CartCheckout(Carts carts, OrderLimits limits) {
    this.carts = carts;
    this.limits = limits;
  }

  RequestedLines lines(long buyerId) {
    Cart cart = carts.cart(UserId.of(buyerId));
    if (cart.isEmpty()) {
      throw new EmptyCart();
    }
    return RequestedLines.of(
        cart.lines().stream().map(l -> new OrderRequestLine(l.itemId(), l.quantity())).toList(), limits);
  }

  /** In the transaction that confirms the placement: the cart empties only with a placed order. */
  void clear(long buyerId) {
    carts.clear(UserId.of(buyerId));
  }
}
