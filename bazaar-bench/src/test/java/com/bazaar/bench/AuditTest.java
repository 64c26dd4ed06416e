package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuditTest {

  /** A site as a fixture: order statuses by id, stock by item id. */
  private static final class Fixture implements Audit.View {
    final Map<String, String> orders = new HashMap<>();
    final Map<String, Long> stock = new HashMap<>();

    @Override
    public Optional<String> orderStatus(String owner, String orderId) {
      return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public OptionalLong stock(String itemId) {
      Long s = stock.get(itemId);
      return s == null ? OptionalLong.empty() : OptionalLong.of(s);
    }
  }

  private final OrderLedger ledger = new OrderLedger();
  private final Fixture site = new Fixture();

  private void cleanRun() {
    ledger.stockBefore("i1", 2);
    ledger.stockBefore("i2", 8);
    ledger.created("ann", "o1", "i1", 1);
    ledger.created("ann", "o2", "i2", 1);
    ledger.created("ben", "o3", "i1", 1);
    ledger.paid("ann", "o1");
    site.orders.put("o1", "PAID");
    site.orders.put("o2", "PENDING_PAYMENT");
    site.orders.put("o3", "PENDING_PAYMENT");
    site.stock.put("i1", 0L);
    site.stock.put("i2", 7L);
  }

  @Test
  void passesOnACleanRunAndGivesTheFigures() {
    cleanRun();
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isTrue();
    assertThat(r.problems()).isEmpty();
    assertThat(r.ordersCreated()).isEqualTo(3);
    assertThat(r.ordersFound()).isEqualTo(3);
    assertThat(r.ordersPaid()).isEqualTo(1);
    assertThat(r.paidStillPaid()).isEqualTo(1);
    assertThat(r.itemsChecked()).isEqualTo(2);
    assertThat(r.describe()).contains("audit PASSED", "orders created (201): 3");
  }

  @Test
  void failsWhenAnItemIsOversold() {
    cleanRun();
    site.stock.put("i1", -1L);
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.itemsNegative()).isEqualTo(1);
    assertThat(r.problems()).contains("item i1 is oversold: stock -1");
  }

  @Test
  void failsWhenAPaidOrderIsNoLongerPaid() {
    cleanRun();
    site.orders.put("o1", "PENDING_PAYMENT");
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.paidStillPaid()).isZero();
    assertThat(r.problems()).containsExactly("order o1 was paid (200) but is PENDING_PAYMENT");
  }

  @Test
  void failsWhenACreatedOrderIsLost() {
    cleanRun();
    site.orders.remove("o2");
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.ordersFound()).isEqualTo(2);
    assertThat(r.describe()).contains("audit FAILED", "o2");
  }

  @Test
  void failsWhenTheSameOrderIdWasHandedOutTwice() {
    cleanRun();
    ledger.created("ben", "o2", "i2", 1);
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.duplicateIds()).isEqualTo(1);
  }

  @Test
  void failsWhenMoreUnitsLeftTheShelfThanTheLiveOrdersHold() {
    cleanRun();
    site.orders.put("o3", "CANCELLED"); // its unit should have come back, but stock stayed 0
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.itemsMiscounted()).isEqualTo(1);
    assertThat(r.problems()).containsExactly("item i1 had stock 2 and has 0, but the run's live orders hold 1");
  }

  @Test
  void failsWhenAnOrderWasAcceptedWithoutTakingItsUnit() {
    cleanRun();
    site.stock.put("i2", 8L); // o2 holds one unit of i2, yet the shelf still has all 8
    Audit.Result r = Audit.run(ledger, site);
    assertThat(r.passed()).isFalse();
    assertThat(r.problems()).containsExactly("item i2 had stock 8 and has 8, but the run's live orders hold 1");
  }

  @Test
  void aCancelledOrderWhoseUnitCameBackIsAccountedFor() {
    cleanRun();
    site.orders.put("o3", "CANCELLED");
    site.stock.put("i1", 1L);
    assertThat(Audit.run(ledger, site).passed()).isTrue();
  }
}
