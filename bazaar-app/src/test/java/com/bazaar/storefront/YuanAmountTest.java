package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YuanAmountTest {

  @Test
  void yuanTextIsReadExactlyAsFen() {
    assertThat(YuanAmount.toFen("19.99", "price")).isEqualTo(1999);
    assertThat(YuanAmount.toFen("0.1", "price")).isEqualTo(10);
    assertThat(YuanAmount.toFen("7", "price")).isEqualTo(700);
    assertThat(YuanAmount.toFen(" 1.10 ", "price")).isEqualTo(110);
    assertThat(YuanAmount.toFen("19.990", "price")).isEqualTo(1999);
    assertThat(YuanAmount.toFen("0", "price")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"19.999", "-1", "-0.01", "abc", "1e3", "1,000", "", " ", "9999999999999999999"})
  void badPricesAreRejectedNamingTheField(String text) {
    assertThatThrownBy(() -> YuanAmount.toFen(text, "price"))
        .isInstanceOf(InvalidInput.class)
        .extracting(e -> ((InvalidInput) e).field())
        .isEqualTo("price");
  }

  @Test
  void fenAreShownAsYuanTextForTheEditForm() {
    assertThat(YuanAmount.fromFen(1999)).isEqualTo("19.99");
    assertThat(YuanAmount.fromFen(700)).isEqualTo("7.00");
  }
}
