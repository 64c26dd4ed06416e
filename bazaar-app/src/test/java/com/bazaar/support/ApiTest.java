package com.bazaar.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of HTTP-level tests: the whole app on a random port over its embedded default
 * (in-memory H2 here). All subclasses share one application context, so keep state local
 * to each test: register fresh users, create fresh items.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ThreadDumpOnTimeout.class)
public abstract class ApiTest {
  private static final AtomicInteger USERS = new AtomicInteger();

  @LocalServerPort protected int port;

  protected ApiClient anonymous() {
    return new ApiClient(port);
  }

  protected ApiClient admin() {
    return new ApiClient(port).login("admin", "admin-password");
  }

  /** A newly registered, logged-in shopper that no other test knows. */
  protected ApiClient newShopper() {
    return new ApiClient(port).registerAndLogin("shopper" + USERS.incrementAndGet() + "_" + System.nanoTime() % 100000);
  }
}
