package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A closed-loop user told to retry after a second waits that second before its next action, as a
 * person does, instead of turning each refusal into the next request at once.
 */
class ClosedLoopRetryAfterTest {

  @Test
  void aUserToldToRetryAfterASecondSendsNothingForThatSecond() throws Exception {
    BenchConfig config = BenchConfig.parse("--users", "2", "--duration", "2s", "--warmup", "0s", "--seed", "1");
    AtomicInteger sent = new AtomicInteger();
    LoadRun.Step shed = (user, action) -> {
      sent.incrementAndGet();
      return new Workload.Outcome(action, 503, Duration.ofSeconds(1));
    };

    Measurements m = new LoadRun(config, System.out).closed(2, shed);

    // each user: a try, a second's wait, a try, a second's wait — the window is over
    assertThat(sent.get()).isBetween(2, 6);
    assertThat(m.total().getTotalCount()).isEqualTo(sent.get());
  }

  @Test
  void onlyARefusalsRetryAfterInSecondsCounts() {
    assertThat(Workload.retryAfter(503, Optional.of("1"))).isEqualTo(Duration.ofSeconds(1));
    assertThat(Workload.retryAfter(429, Optional.of(" 7 "))).isEqualTo(Duration.ofSeconds(7));
    assertThat(Workload.retryAfter(200, Optional.of("1"))).isZero();
    assertThat(Workload.retryAfter(301, Optional.of("1"))).isZero();
    assertThat(Workload.retryAfter(503, Optional.empty())).isZero();
    assertThat(Workload.retryAfter(503, Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"))).isZero();
    assertThat(Workload.retryAfter(503, Optional.of("-1"))).isZero();
  }
}
