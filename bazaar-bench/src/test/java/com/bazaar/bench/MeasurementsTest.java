package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void knownLatenciesGiveKnownPercentiles() {
    Measurements m = new Measurements(0);
    for (int ms = 1; ms <= 1000; ms++) {
      m.record(Action.SEARCH, 200, ms * 1000L, SECOND / 2);
    }
    // three significant digits: each value within 0.1% of the true one
    assertThat(m.histogram(Action.SEARCH).getValueAtPercentile(50) / 1000.0).isCloseTo(500, within(0.5));
    assertThat(m.histogram(Action.SEARCH).getValueAtPercentile(90) / 1000.0).isCloseTo(900, within(0.9));
    assertThat(m.histogram(Action.SEARCH).getValueAtPercentile(99) / 1000.0).isCloseTo(990, within(1.0));
    assertThat(m.histogram(Action.SEARCH).getMaxValue() / 1000.0).isCloseTo(1000, within(1.0));
    assertThat(m.total().getTotalCount()).isEqualTo(1000);
    assertThat(m.histogram(Action.BROWSE).getTotalCount()).isZero();
  }

  @Test
  void countsStatusesAndErrorsPerAction() {
    Measurements m = new Measurements(0);
    m.record(Action.ORDER, 201, 1000, 1);
    m.record(Action.ORDER, 409, 1000, 1);
    m.record(Action.ORDER, Measurements.NO_ANSWER, 1000, 1);
    m.record(Action.BROWSE, 200, 1000, 1);
    assertThat(m.statuses(Action.ORDER)).isEqualTo(Map.of(0, 1L, 201, 1L, 409, 1L));
    assertThat(m.errors(Action.ORDER)).isEqualTo(2);
    assertThat(m.errors()).isEqualTo(2);
  }

  @Test
  void seriesBucketsCompletionsBySecondSinceTheStart() {
    long start = 5 * SECOND;
    Measurements m = new Measurements(start);
    m.record(Action.BROWSE, 200, 2_000, start + SECOND / 10);
    m.record(Action.BROWSE, 500, 4_000, start + SECOND / 2);
    m.record(Action.BROWSE, 200, 8_000, start + 2 * SECOND + 1);
    assertThat(m.second(0).count()).isEqualTo(2);
    assertThat(m.second(0).errors()).isEqualTo(1);
    assertThat(m.second(0).p99Millis()).isCloseTo(4.0, within(0.01));
    assertThat(m.second(1).count()).isZero();
    assertThat(m.second(2).p99Millis()).isCloseTo(8.0, within(0.01));
  }

  @Test
  void reportFiguresAreInMilliseconds() {
    Measurements m = new Measurements(0);
    for (int i = 0; i < 100; i++) {
      m.record(Action.CART, i < 99 ? 200 : 503, 10_000, 1);
    }
    Map<String, Object> f = Results.figures(m.histogram(Action.CART), m.statuses(Action.CART), 10);
    assertThat(f).containsEntry("count", 100L).containsEntry("errors", 1L).containsEntry("throughput", 10.0)
        .containsEntry("errorsByStatus", Map.of("503", 1L));
    assertThat((double) f.get("p99Ms")).isCloseTo(10.0, within(0.01));
  }

  @Test
  void goodputAndTheAdmittedLatencyCountOnlyAnswersWithoutAnError() {
    Measurements m = new Measurements(0);
    m.record(Action.ORDER, 201, 40_000, 1);
    m.record(Action.ORDER, 201, 60_000, 1);
    m.record(Action.ORDER, 503, 1_000, 1); // shed at once: fast, but no goodput
    m.record(Action.ORDER, Measurements.NO_ANSWER, 5_000_000, 1);
    Map<String, Object> admitted = Results.admitted(m.admitted(), 2.0);
    assertThat(admitted).containsEntry("count", 2L).containsEntry("goodput", 1.0);
    assertThat((double) admitted.get("p99Ms")).isCloseTo(60, within(0.1));
    assertThat(m.total().getTotalCount()).isEqualTo(4);
  }
}
