package com.bazaar.order;

import com.bazaar.payment.PaymentMethod;
import com.bazaar.platform.Money;
import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An order and the rules of its life: only a pending order can be paid (and only before its
 * payment deadline) or cancelled; a paid order is never cancelled here.
 */
public final class Order {
  private final OrderId id;
  private final UserId buyerId;
  private final List<OrderLine> lines;
  private final Money total;
  private final Instant createdAt;
  private final Instant paymentDeadline;
  private OrderStatus status;
  private @Nullable Instant paidAt;
  private @Nullable Instant cancelledAt;
  private final @Nullable DeliveryAddress deliveryAddress;
  private final @Nullable PaymentMethod paymentMethod;

  public Order(
      OrderId id,
      UserId buyerId,
      OrderStatus status,
      List<OrderLine> lines,
      Instant createdAt,
      Instant paymentDeadline,
      @Nullable Instant paidAt,
      @Nullable Instant cancelledAt) {
    this(id, buyerId, status, lines, createdAt, paymentDeadline, paidAt, cancelledAt, null, null);
  }

  public Order(
      OrderId id,
      UserId buyerId,
      OrderStatus status,
      List<OrderLine> lines,
      Instant createdAt,
      Instant paymentDeadline,
      @Nullable Instant paidAt,
      @Nullable Instant cancelledAt,
      @Nullable DeliveryAddress deliveryAddress,
      @Nullable PaymentMethod paymentMethod) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one line");
    }
    this.id = id;
    this.buyerId = buyerId;
    this.status = Objects.requireNonNull(status);
    this.lines = List.copyOf(lines);
    this.total = lines.stream().map(OrderLine::subtotal).reduce(Money::plus).orElseThrow();
    this.createdAt = createdAt;
    this.paymentDeadline = paymentDeadline;
    this.paidAt = paidAt;
    this.cancelledAt = cancelledAt;
    this.deliveryAddress = deliveryAddress;
    this.paymentMethod = paymentMethod;
  }

  /** A new order awaiting payment until the deadline. */
  public static Order place(OrderId id, UserId buyerId, List<OrderLine> lines, Instant now, Instant paymentDeadline) {
    return new Order(id, buyerId, OrderStatus.PENDING_PAYMENT, lines, now, paymentDeadline, null, null);
  }

  /** This new, not yet stored order with the shopper's checkout choices: where it ships, how it is paid. */
  public Order deliveringTo(Optional<DeliveryAddress> address, Optional<PaymentMethod> method) {
    return new Order(id, buyerId, status, lines, createdAt, paymentDeadline, paidAt, cancelledAt,
        address.orElse(null), method.orElse(null));
  }

  public boolean isPayableAt(Instant now) {
    return status == OrderStatus.PENDING_PAYMENT && now.isBefore(paymentDeadline);
  }

  public void markPaid(Instant now) {
    if (!isPayableAt(now)) {
      throw new OrderNotPayable(id, status);
    }
    status = OrderStatus.PAID;
    paidAt = now;
  }

  public void cancel(Instant now) {
    if (status != OrderStatus.PENDING_PAYMENT) {
      throw new OrderNotCancellable(id, status);
    }
    status = OrderStatus.CANCELLED;
    cancelledAt = now;
  }

  public OrderId id() {
    return id;
  }

  public UserId buyerId() {
    return buyerId;
  }

  public OrderStatus status() {
    return status;
  }

  public List<OrderLine> lines() {
    return lines;
  }

  public Money total() {
    return total;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant paymentDeadline() {
    return paymentDeadline;
  }

  public @Nullable Instant paidAt() {
    return paidAt;
  }

  public @Nullable Instant cancelledAt() {
    return cancelledAt;
  }

  /** Where the order ships; absent for an order placed without an address (the API allows it). */
  public Optional<DeliveryAddress> deliveryAddress() {
    return Optional.ofNullable(deliveryAddress);
  }

  /** The payment method chosen at checkout; absent when none was chosen. */
  public Optional<PaymentMethod> paymentMethod() {
    return Optional.ofNullable(paymentMethod);
  }

  /** Published when an order has been placed and its stock reserved. */
  public record OrderPlaced(OrderId orderId, UserId buyerId) implements BusEvent {}

  /** Published when an order's payment has been collected. */
  public record OrderPaid(OrderId orderId, UserId buyerId) implements BusEvent {}

  /** Published when an order was cancelled and its stock returned. */
  public record OrderCancelled(OrderId orderId, UserId buyerId) implements BusEvent {}
}
