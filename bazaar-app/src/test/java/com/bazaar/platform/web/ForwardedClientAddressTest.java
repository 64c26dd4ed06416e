package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind nginx (profile edge) the client address is the one nginx forwards, trusted only
 * because the request comes from the proxy's own address (here the test runs on 127.0.0.1,
 * where nginx would be). The login rate limit keys on it, so two clients behind the same
 * proxy have two budgets.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"bazaar.rate-limits.login.permits=2", "bazaar.rate-limits.login.period=1h"})
@ActiveProfiles({"test", "edge"})
class ForwardedClientAddressTest {
  private static final String WRONG_LOGIN = ApiClient.json(Map.of("username", "nobody", "password", "wrong-password"));

  @LocalServerPort int port;

  @Test
  void theLoginRateLimitCountsPerForwardedClientAddress() {
    assertThat(loginFrom("203.0.113.7")).isEqualTo(401);
    assertThat(loginFrom("203.0.113.7")).isEqualTo(401);
    assertThat(loginFrom("203.0.113.7")).as("third attempt of one client").isEqualTo(429);

    assertThat(loginFrom("203.0.113.8")).as("another client behind the same proxy").isEqualTo(401);
  }

  private int loginFrom(String clientAddress) {
    return new ApiClient(port)
        .post("/api/session", WRONG_LOGIN, Map.of("X-Forwarded-For", clientAddress))
        .status();
  }
}
