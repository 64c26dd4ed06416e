package com.bazaar.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.platform.web.SecurityHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The queue in front of the database paths: a burst that fits the limit and the queue is
 * served in full; past the queue, requests are shed with 503 while everyone admitted or
 * queued is still waiting (so shedding never waits for the queue), with the shop's security
 * headers; a queued request whose wait runs out is shed too. The requests in the chain are held on a latch, so the counts are
 * exact and nothing depends on timing.
 */
@Timeout(60)
class LoadSheddingFilterTest {
  private static final Duration LONGER_THAN_THE_TEST = Duration.ofHours(1);

  private final CountDownLatch databaseAnswers = new CountDownLatch(1);
  private final AtomicInteger working = new AtomicInteger();
  private final List<Thread> clients = new ArrayList<>();
  private final List<MockHttpServletResponse> answers = new ArrayList<>();

  @AfterEach
  void releaseEveryone() throws InterruptedException {
    databaseAnswers.countDown();
    for (Thread client : clients) {
      client.interrupt();
      client.join();
    }
  }

  @Test
  void aBurstOfLimitPlusQueueIsServedInFull() throws Exception {
    LoadSheddingFilter filter = filter(2, 3, LONGER_THAN_THE_TEST);
    twoWorkingAndThreeQueued(filter);

    databaseAnswers.countDown();
    joinAll();

    assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactly(201, 201, 201, 201, 201);
  }

  @Test
  void pastAFullQueueRequestsAreShedAtOnceWhileTheAdmittedStillWork() throws Exception {
    LoadSheddingFilter filter = filter(2, 3, LONGER_THAN_THE_TEST);
    twoWorkingAndThreeQueued(filter);

    // Answered on this thread while nobody admitted or queued has moved: it did not wait.
    List<MockHttpServletResponse> shed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      shed.add(order(filter));
    }
    assertThat(shed).extracting(MockHttpServletResponse::getStatus).containsOnly(503);
    assertThat(shed.get(0).getHeader("Retry-After")).isEqualTo("1");
    assertThat(shed.get(0).getContentType()).contains("application/problem+json");
    MockHttpServletResponse page = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/checkout"), page, (request, response) -> {
      throw new AssertionError("a page past a full queue reached the chain");
    });
    assertThat(page.getStatus()).isEqualTo(503);
    for (MockHttpServletResponse answer : List.of(shed.get(0), page)) {
      assertCarriesTheShopsSecurityHeaders(answer);
    }
    assertThat(working).hasValue(2);
    assertThat(clients).allMatch(Thread::isAlive);

    databaseAnswers.countDown();
    joinAll();
    assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201).hasSize(5);
  }

  @Test
  void aQueuedRequestWhoseWaitRunsOutIsShed() throws Exception {
    LoadSheddingFilter filter = filter(1, 3, Duration.ofMillis(20));
    startOrders(filter, 1);
    await().until(() -> working.get() == 1);

    MockHttpServletResponse waitedTooLong = order(filter);

    assertThat(waitedTooLong.getStatus()).isEqualTo(503);
    assertThat(working).hasValue(1);
  }

  @Test
  void otherPathsAreNeverLimited() throws Exception {
    LoadSheddingFilter filter = filter(1, 0, LONGER_THAN_THE_TEST);
    startOrders(filter, 1);
    await().until(() -> working.get() == 1);

    MockHttpServletResponse browse = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/api/items/1"), browse, (request, response) ->
        ((MockHttpServletResponse) response).setStatus(200));

    assertThat(browse.getStatus()).isEqualTo(200);
  }

  private LoadSheddingFilter filter(int limit, int queueLength, Duration queueWait) {
    ProtectionProperties.Shedding shedding =
        new ProtectionProperties.Shedding(limit, limit, limit, queueLength, queueWait, List.of("/api/orders", "/checkout"));
    return new LoadSheddingFilter(shedding, new AdaptiveConcurrencyLimit(shedding, System::nanoTime));
  }

  /**
   * A shed answer is written before Spring Security's chains run, which write these on every
   * other answer: it writes them itself (SecurityHeaders).
   */
  private static void assertCarriesTheShopsSecurityHeaders(MockHttpServletResponse answer) {
    assertThat(answer.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(answer.getHeader("Cache-Control")).contains("no-store");
  }

  /** Fills a limit of 2 and a queue of 3: two orders in the database, three waiting. */
  private void twoWorkingAndThreeQueued(LoadSheddingFilter filter) {
    startOrders(filter, 2);
    await().until(() -> working.get() == 2);
    startOrders(filter, 3);
    awaitQueued(3);
  }

  private void startOrders(LoadSheddingFilter filter, int count) {
    for (int i = 0; i < count; i++) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      answers.add(response);
      Thread client = new Thread(() -> place(filter, response), "client-" + clients.size());
      clients.add(client);
      client.start();
    }
  }

  private MockHttpServletResponse order(LoadSheddingFilter filter) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    place(filter, response);
    return response;
  }

  /** An order whose database work lasts until the test lets the database answer. */
  private void place(LoadSheddingFilter filter, MockHttpServletResponse response) {
    try {
      filter.doFilter(new MockHttpServletRequest("POST", "/api/orders"), response, (request, answer) -> {
        working.incrementAndGet();
        try {
          databaseAnswers.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ((MockHttpServletResponse) answer).setStatus(201);
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last {@code count} clients wait in the queue (a timed wait, not yet in the chain). */
  private void awaitQueued(int count) {
    List<Thread> queued = clients.subList(clients.size() - count, clients.size());
    await().until(() -> queued.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
    assertThat(working.get()).isLessThan(clients.size());
  }

  private void joinAll() throws InterruptedException {
    for (Thread client : clients) {
      client.join();
    }
  }
}
