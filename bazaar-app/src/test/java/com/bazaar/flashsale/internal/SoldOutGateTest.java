package com.bazaar.flashsale.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the door looks at: a purchase path with a sale id that is a number, nothing else. */
class SoldOutGateTest {

  @Test
  void theSaleIsReadFromAPurchasePathOnly() {
    assertThat(SoldOutGate.saleOf("/api/flash-sales/386042679978360832/purchase")).isEqualTo(386042679978360832L);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/7/purchase")).isEqualTo(7);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/9223372036854775807/purchase")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void anyOtherPathIsNotASale() {
    assertThat(SoldOutGate.saleOf("/api/flash-sales/7/purchase/12")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales//purchase")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/-7/purchase")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/7x/purchase")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/٣/purchase")).as("a digit of another script").isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/9223372036854775808/purchase")).as("past the longest id").isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales/99999999999999999999/purchase")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/flash-sales")).isEqualTo(-1);
    assertThat(SoldOutGate.saleOf("/api/items/7/purchase")).isEqualTo(-1);
  }
}
