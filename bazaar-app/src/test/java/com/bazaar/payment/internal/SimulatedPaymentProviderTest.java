package com.bazaar.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.payment.PaymentDeclined;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.UserId;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTest {
  private static final UserId BUYER = UserId.of(7);

  @Test
  void aRepeatedKeyAnswersTheFirstReferenceAndChargesOnce() {
    var provider = new SimulatedPaymentProvider(null);
    String first = provider.charge("order-1", BUYER, Money.of(500, "CNY"));
    String again = provider.charge("order-1", BUYER, Money.of(500, "CNY"));
    assertThat(again).isEqualTo(first);
    assertThat(provider.chargeCount()).isEqualTo(1);
    assertThat(provider.charge("order-2", BUYER, Money.of(500, "CNY"))).isNotEqualTo(first);
  }

  @Test
  void declinesAmountsAboveTheConfiguredLimitWithoutCharging() {
    var provider = new SimulatedPaymentProvider(1000L);
    assertThatThrownBy(() -> provider.charge("order-1", BUYER, Money.of(1001, "CNY"))).isInstanceOf(PaymentDeclined.class);
    assertThat(provider.chargeCount()).isZero();
    assertThat(provider.charge("order-2", BUYER, Money.of(1000, "CNY"))).startsWith("sim-");
  }

  @Test
  void refusesAKeyReusedForADifferentCharge() {
    var provider = new SimulatedPaymentProvider(null);
    provider.charge("order-1", BUYER, Money.of(500, "CNY"));
    assertThatThrownBy(() -> provider.charge("order-1", BUYER, Money.of(600, "CNY"))).isInstanceOf(PaymentDeclined.class);
  }
}
