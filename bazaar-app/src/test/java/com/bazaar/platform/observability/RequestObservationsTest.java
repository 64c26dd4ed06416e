package com.bazaar.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request is observed once, as a whole (its timer and its span), not once more per security
 * filter and authorization decision: those observations cost a sixth of a flash-sale purchase's
 * CPU (docs/benchmarks.md, Fast paths). Every observation leaves a timer, so the meters show
 * which ones ran.
 */
class RequestObservationsTest extends ApiTest {
  @Autowired MeterRegistry meters;

  @Test
  void aRequestIsObservedAsAWholeAndNotFilterByFilter() {
    var shopper = newShopper();
    assertThat(shopper.get("/api/cart").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/categories").status()).isEqualTo(200);

    assertThat(meters.find("http.server.requests").tag("uri", "/api/cart").timer()).isNotNull();
    assertThat(meters.getMeters()).map(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security.filterchains")
            || name.startsWith("spring.security.http.")
            || name.startsWith("spring.security.authorizations"));
  }
}
