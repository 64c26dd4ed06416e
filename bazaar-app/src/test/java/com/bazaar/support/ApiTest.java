package com.bazaar.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of HTTP-level tests: the whole app on a random port over its embedded default
 * (in-memory H2 here). All subclasses share one application context, so keep state local
 * to each test: register fresh users, create fresh items. A suite may point them at a
 * deployment in other processes instead ({@link ApiTarget}, {@link ApiTestContextLoader}): the
 * same tests then talk to it, and a test that reaches into a bean of the app is skipped there.
 * Because the loader is declared here, Spring does not find a subclass's nested
 * {@code @TestConfiguration} by itself: the subclass names it with {@code @Import}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(loader = ApiTestContextLoader.class)
@ActiveProfiles("test")
@ExtendWith(ThreadDumpOnTimeout.class)
public abstract class ApiTest {
  /**
   * The tag of a test that holds only for the app in the test's JVM: it writes behind the app's
   * back, or asserts what the app's own HTTP connector answers where a proxy in front answers
   * first. A suite against a deployment in other processes leaves it out ({@code @ExcludeTags}).
   */
  public static final String IN_PROCESS = "in-process";

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
