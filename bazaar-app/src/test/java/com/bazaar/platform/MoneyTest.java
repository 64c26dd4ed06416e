package com.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void addsAndMultipliesExactlyInMinorUnits() {
    assertThat(Money.of(1999, "CNY").times(3).plus(Money.of(3, "CNY"))).isEqualTo(Money.of(6000, "CNY"));
    assertThat(Money.zero("CNY").plus(Money.of(1, "CNY")).amount()).isEqualTo(1);
  }

  @Test
  void refusesToAddDifferentCurrencies() {
    assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsLoudlyInsteadOfOverflowing() {
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, "CNY").times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").plus(Money.of(1, "CNY")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void needsAThreeLetterCurrency() {
    assertThatThrownBy(() -> Money.of(1, "RMBX")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void knowsWhenItIsNegative() {
    assertThat(Money.of(-1, "CNY").isNegative()).isTrue();
    assertThat(Money.zero("CNY").isNegative()).isFalse();
  }
}
