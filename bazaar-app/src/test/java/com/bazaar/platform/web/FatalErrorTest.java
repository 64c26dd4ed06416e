package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An OutOfMemoryError on a request thread leaves the JVM untrustworthy: the request gets its
 * 500, and from then on the node reports itself down (liveness and readiness) instead of UP.
 */
@DirtiesContext
@Import(FatalErrorTest.Exhausting.class)
class FatalErrorTest extends ApiTest {

  @Test
  void anOutOfMemoryErrorTakesTheNodeOutOfService() {
    ApiClient visitor = anonymous();
    assertThat(visitor.get("/actuator/health").status()).isEqualTo(200);

    var failed = visitor.get("/api/test/exhaust-heap");

    assertThat(failed.status()).isEqualTo(500);
    var liveness = visitor.get("/actuator/health/liveness");
    assertThat(liveness.status()).as(liveness.body()).isEqualTo(503);
    assertThat(liveness.json().get("status").asString()).isEqualTo("DOWN");
    assertThat(visitor.get("/actuator/health/readiness").status()).isEqualTo(503);
    assertThat(visitor.get("/actuator/health").status()).isEqualTo(503);
  }

  /**
   * Stands for any request that runs the heap dry (it is not scanned: a test's nested class). It
   * opens its endpoint itself, as a module does: closed otherwise (deny by default).
   */
  @RestController
  static class Exhausting implements HttpAccessRules {
    @Override
    public List<AccessRule> rules() {
      return List.of(AccessRule.reads("/api/test/exhaust-heap").byAnyone());
    }

    @GetMapping("/api/test/exhaust-heap")
    String exhaust() {
      throw new OutOfMemoryError("Java heap space (simulated)");
    }
  }
}
