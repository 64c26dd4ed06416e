package com.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsOfOneCurrencyAddUpExactly() {
    assertThat(Money.of(1999, "CNY").plus(Money.of(1, "CNY"))).isEqualTo(Money.of(2000, "CNY"));
    assertThat(Money.zero("CNY").plus(Money.of(5, "CNY"))).isEqualTo(Money.of(5, "CNY"));
  }

  @Test
  void aPriceTimesAQuantityIsTheLineTotal() {
    assertThat(Money.of(1999, "CNY").times(3)).isEqualTo(Money.of(5997, "CNY"));
    assertThat(Money.of(1999, "CNY").times(0)).isEqualTo(Money.zero("CNY"));
  }

  @Test
  void overflowFailsInsteadOfWrapping() {
    Money huge = Money.of(Long.MAX_VALUE, "CNY");
    assertThatThrownBy(() -> huge.plus(Money.of(1, "CNY"))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, "CNY").times(2))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void differentCurrenciesDoNotAdd() {
    assertThatThrownBy(() -> Money.of(100, "CNY").plus(Money.of(100, "USD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("CNY");
  }

  @Test
  void aCurrencyIsAThreeLetterCode() {
    assertThatThrownBy(() -> Money.of(1, "YUAN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void onlyAmountsBelowZeroAreNegative() {
    assertThat(Money.of(-1, "CNY").isNegative()).isTrue();
    assertThat(Money.zero("CNY").isNegative()).isFalse();
  }
}
