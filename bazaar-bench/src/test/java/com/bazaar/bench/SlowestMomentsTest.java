package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlowestMomentsTest {

  private static final long MS = 1_000_000L;

  @Test
  void namesTheSlowestHundredMillisecondsSlowestFirst() {
    SlowestMoments moments = new SlowestMoments(1_000 * MS, Duration.ofSeconds(30));
    moments.record(1_000 * MS + 50 * MS, 4_000);       // 0.0 s: 4 ms
    moments.record(1_000 * MS + 80 * MS, 237_000);     // 0.0 s: 237 ms, the slowest of its slot
    moments.record(1_000 * MS + 11_520 * MS, 1_025_000); // 11.5 s
    moments.record(1_000 * MS + 18_400 * MS, 60_000);  // 18.4 s

    assertThat(moments.slowest(2)).isEqualTo("at 11.5s 1025ms, at 0.0s 237ms");
    assertThat(moments.slowest(5)).isEqualTo("at 11.5s 1025ms, at 0.0s 237ms, at 18.4s 60ms");
  }

  @Test
  void answersSentBeforeOrAfterTheWindowCountAtItsEdges() {
    SlowestMoments moments = new SlowestMoments(1_000 * MS, Duration.ofSeconds(1));
    moments.record(999 * MS, 7_000);
    moments.record(5_000 * MS, 9_000);

    assertThat(moments.slowest(3)).isEqualTo("at 1.1s 9ms, at 0.0s 7ms");
  }
}
