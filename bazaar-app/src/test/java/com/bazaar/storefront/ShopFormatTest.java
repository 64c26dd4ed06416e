package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopFormatTest {
  private final ShopFormat format = new ShopFormat();

  @Test
  void yuanPricesShowTwoDecimalsAndThousandsSeparators() {
    assertThat(format.price(Money.of(1999, "CNY"))).isEqualTo("¥19.99");
    assertThat(format.price(Money.of(123456, "CNY"))).isEqualTo("¥1,234.56");
    assertThat(format.price(Money.of(5, "CNY"))).isEqualTo("¥0.05");
    assertThat(format.price(Money.of(0, "CNY"))).isEqualTo("¥0.00");
  }

  @Test
  void hugeAmountsAreExactWhereADoubleWouldRound() {
    assertThat(format.price(Money.of(Long.MAX_VALUE, "CNY"))).isEqualTo("¥92,233,720,368,547,758.07");
  }

  @Test
  void negativeAmountsGetALeadingMinus() {
    assertThat(format.price(Money.of(-250, "CNY"))).isEqualTo("-¥2.50");
  }

  @Test
  void otherCurrenciesUseTheirSymbolOrCodeAndTheirDecimals() {
    assertThat(format.price(Money.of(1999, "USD"))).isEqualTo("$19.99");
    assertThat(format.price(Money.of(1999, "JPY"))).isEqualTo("JPY 1,999");
  }

  @Test
  void timesAreShownInUtc() {
    assertThat(format.time(Instant.parse("2026-03-01T08:05:09Z"))).isEqualTo("2026-03-01 08:05 UTC");
  }
}
