package com.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant DEADLINE = NOW.plus(Duration.ofMinutes(15));

  private static Order pending() {
    return Order.place(OrderId.of(1), UserId.of(7), List.of(
        new OrderLine(ItemId.of(10), "tea", Money.of(1250, "CNY"), 2),
        new OrderLine(ItemId.of(11), "cup", Money.of(300, "CNY"), 1)), NOW, DEADLINE);
  }

  @Test
  void aPlacedOrderAwaitsPaymentAndTotalsItsLines() {
    Order order = pending();
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(order.total()).isEqualTo(Money.of(2800, "CNY"));
    assertThat(order.paidAt()).isNull();
  }

  @Test
  void aPendingOrderCanBePaidBeforeItsDeadline() {
    Order order = pending();
    order.markPaid(DEADLINE.minusMillis(1));
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.paidAt()).isEqualTo(DEADLINE.minusMillis(1));
  }

  @Test
  void anOrderCannotBePaidAtOrAfterItsDeadline() {
    assertThatThrownBy(() -> pending().markPaid(DEADLINE)).isInstanceOf(OrderNotPayable.class);
    assertThat(pending().isPayableAt(DEADLINE.plusSeconds(1))).isFalse();
  }

  @Test
  void aPaidOrderCannotBePaidAgainNorCancelled() {
    Order order = pending();
    order.markPaid(NOW);
    assertThatThrownBy(() -> order.markPaid(NOW)).isInstanceOf(OrderNotPayable.class);
    assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(OrderNotCancellable.class);
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void aCancelledOrderCannotBePaidNorCancelledAgain() {
    Order order = pending();
    order.cancel(NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancelledAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> order.markPaid(NOW)).isInstanceOf(OrderNotPayable.class);
    assertThatThrownBy(() -> order.cancel(NOW)).isInstanceOf(OrderNotCancellable.class);
  }

  @Test
  void anOrderNeedsAtLeastOneLine() {
    assertThatThrownBy(() -> Order.place(OrderId.of(1), UserId.of(7), List.of(), NOW, DEADLINE)).isInstanceOf(IllegalArgumentException.class);
  }
}
