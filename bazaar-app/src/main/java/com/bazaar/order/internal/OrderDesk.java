package com.bazaar.order.internal;

import static com.bazaar.order.internal.IdempotentRequests.PAY_SCOPE;
import static com.bazaar.order.internal.IdempotentRequests.PLACE_SCOPE;

import com.bazaar.order.CheckoutChoices;
import com.bazaar.order.DeliveryAddress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderNotFound;
import com.bazaar.order.OrderRequestLine;
import com.bazaar.order.Ordering;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.AddressId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.user.AddressBook;
import com.bazaar.user.AddressNotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Places, pays and cancels orders, each job in its own class: a request runs once per
 * Idempotency-Key ({@link IdempotentRequests}); a new order is priced ({@link OrderPricing}),
 * held to the buyer's limits ({@link PendingOrderLimits}), its stock reserved and its row stored
 * ({@link OrderPlacement}, one transaction or a saga as the data layout requires, over {@link
 * StockReservation}); an order from the cart empties the cart when it stands ({@link
 * CartCheckout}); paying and cancelling are {@link OrderSettlement}'s.
 */
@Service
class OrderDesk implements Ordering {
  private final Orders orders;
  private final OrderStore store;
  private final IdempotentRequests requests;
  private final OrderPricing pricing;
  private final OrderPlacement placement;
  private final StockReservation stock;
  private final CartCheckout checkout;
  private final OrderSettlement settlement;
  private final OrderIdGenerator ids;
  private final OrderLimits limits;
  private final PendingOrderLimits pendingLimits;
  private final AddressBook addressBook;

  OrderDesk(
      Orders orders,
      OrderStore store,
      IdempotentRequests requests,
      OrderPricing pricing,
      OrderPlacement placement,
      StockReservation stock,
      CartCheckout checkout,
      OrderSettlement settlement,
      OrderIdGenerator ids,
      OrderLimits limits,
      PendingOrderLimits pendingLimits,
      AddressBook addressBook) {
    this.orders = orders;
    this.store = store;
    this.requests = requests;
    this.pricing = pricing;
    this.placement = placement;
    this.stock = stock;
    this.checkout = checkout;
    this.settlement = settlement;
    this.ids = ids;
    this.limits = limits;
    this.pendingLimits = pendingLimits;
    this.addressBook = addressBook;
  }

  @Override
  public Order place(UserId buyer, List<OrderRequestLine> lines, CheckoutChoices choices,
      Optional<String> idempotencyKey) {
    long buyerId = buyer.value();
    RequestedLines requested = RequestedLines.of(lines, limits);
    return requests.once(buyerId, PLACE_SCOPE, idempotencyKey, requested.canonical() + choices.canonical(),
        claim -> placeNow(buyerId, claim, () -> requested, Map.of(), true, choices, () -> {}));
  }

  @Override
  public Order placeAtPrice(UserId buyer, OrderRequestLine line, Money unitPrice, String idempotencyKey) {
    long buyerId = buyer.value();
    RequestedLines requested = RequestedLines.of(List.of(line), limits);
    // A flash sale caps each buyer itself (FlashSaleDesk), and its queued ticket must become an order.
    return requests.once(buyerId, PLACE_SCOPE, Optional.of(idempotencyKey), requested.canonical() + "@" + unitPrice,
        claim -> placeNow(buyerId, claim, () -> requested, Map.of(line.itemId(), unitPrice), false,
            CheckoutChoices.NONE, () -> {}));
  }

  @Override
  public Order placeFromCart(UserId buyer, CheckoutChoices choices, Optional<String> idempotencyKey) {
    long buyerId = buyer.value();
    return requests.once(buyerId, PLACE_SCOPE, idempotencyKey, "fromCart" + choices.canonical(),
        claim -> placeNow(buyerId, claim, () -> checkout.lines(buyerId), Map.of(), true, choices,
            () -> checkout.clear(buyerId)));
  }

  @Override
  public Order pay(UserId buyer, OrderId order, Optional<String> idempotencyKey) {
    return requests.once(buyer.value(), PAY_SCOPE, idempotencyKey, "pay:" + order.value(),
        claim -> settlement.pay(buyer.value(), order.value(), claim));
  }

  @Override
  public Order cancel(UserId buyer, OrderId order) {
    return settlement.cancel(buyer.value(), order.value());
  }

  @Override
  public Order order(UserId buyer, OrderId order) {
    return store.reading().execute(s -> orders.find(buyer.value(), order.value()))
        .orElseThrow(() -> new OrderNotFound(order));
  }

  @Override
  public Page<Order> orders(UserId buyer, PageSpec page) {
    long buyerId = buyer.value();
    return store.reading().execute(s -> Page.of(orders.page(buyerId, page), page, orders.count(buyerId)));
  }

  /** Every buyer's orders, newest first: the admin's view, across all shards. */
  Page<Order> allOrders(PageSpec page) {
    return store.reading().execute(s -> Page.of(orders.pageAll(page), page, orders.countAll()));
  }

  /**
   * @param setPrices unit prices that replace the catalog's (a flash sale's), by item id
   * @param limited whether the buyer's {@link OrderLimits} on unpaid orders apply
   */
  private Order placeNow(long buyerId, Optional<IdempotentRequests.Claim> claim, Supplier<RequestedLines> requested,
      Map<ItemId, Money> setPrices, boolean limited, CheckoutChoices choices, Runnable whenPlaced) {
    Optional<DeliveryAddress> address = deliveryAddress(buyerId, choices);
    if (limited) {
      pendingLimits.prepare(buyerId);
    }
    return placement.place(() -> {
      if (limited) {
        pendingLimits.lock(buyerId);
      }
      Order placed = pricing.price(ids.nextId(buyerId), buyerId, requested.get(), setPrices)
          .deliveringTo(address, choices.method());
      claim.ifPresent(c -> c.claim(placed.id().value()));
      if (limited) {
        // after the claim: a retry of a placed order finds its first result instead of a limit
        pendingLimits.admit(buyerId, StockReservation.linesOf(placed));
      }
      stock.take(placed);
      return placed;
    }, claim, whenPlaced);
  }

  /** A copy of the chosen address, else of the default one; an id not in the buyer's own book is bad input. */
  private Optional<DeliveryAddress> deliveryAddress(long buyerId, CheckoutChoices choices) {
    if (choices.address().isEmpty()) {
      return addressBook.defaultAddress(UserId.of(buyerId)).map(DeliveryAddress::copyOf);
    }
    AddressId addressId = choices.address().get();
    try {
      return Optional.of(DeliveryAddress.copyOf(addressBook.address(UserId.of(buyerId), addressId)));
    } catch (AddressNotFound e) {
      throw new InvalidInput("addressId", "refusal.order.unknownAddress", addressId.value());
    }
  }
}
