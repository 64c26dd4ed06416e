package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MixTest {

  @Test
  void drawsEachActionInProportionToItsWeight() {
    Mix mix = Mix.parse("browse=50,search=20,cart=15,order=10,pay=5");
    Random random = new Random(42);
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    int draws = 10_000;
    for (int i = 0; i < draws; i++) {
      counts.merge(mix.next(random), 1, Integer::sum);
    }
    assertThat(counts.get(Action.BROWSE) / (double) draws).isCloseTo(0.50, within(0.02));
    assertThat(counts.get(Action.SEARCH) / (double) draws).isCloseTo(0.20, within(0.02));
    assertThat(counts.get(Action.CART) / (double) draws).isCloseTo(0.15, within(0.02));
    assertThat(counts.get(Action.ORDER) / (double) draws).isCloseTo(0.10, within(0.02));
    assertThat(counts.get(Action.PAY) / (double) draws).isCloseTo(0.05, within(0.02));
  }

  @Test
  void neverDrawsAnActionLeftOutOrWeightedZero() {
    Mix mix = Mix.parse("search=1,pay=0");
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      assertThat(mix.next(random)).isEqualTo(Action.SEARCH);
    }
    assertThat(mix.toString()).isEqualTo("search=1");
  }

  @Test
  void readsNamesCaseInsensitivelyAndWithSpaces() {
    assertThat(Mix.parse(" Browse = 3 , ORDER=1").weights()).containsEntry(Action.BROWSE, 3).containsEntry(Action.ORDER, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "browse", "browse=", "=5", "browse=x", "browse=-1", "browse=1.5", "fly=3",
      "browse=1,browse=2", "browse=0,pay=0", "browse=1,,pay=1", "browse=1=2"})
  void rejectsMixesThatAreNotActionEqualsWeight(String spec) {
    assertThatThrownBy(() -> Mix.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
  }
}
