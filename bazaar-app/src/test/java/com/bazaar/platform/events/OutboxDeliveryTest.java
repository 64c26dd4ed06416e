package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Import;

/**
 * Stage 11 in the embedded default: an event accepted by the outbox reaches a consumer that
 * fails at first, because the outbox hands it over again, and its publication is closed once
 * the consumer has succeeded. Each consumer has a publication of its own, so the retry reaches
 * only the one that failed: the others of the same event ran once.
 */
@TestPropertySource(properties = {"bazaar.outbox.retry-after=PT1S", "bazaar.outbox.retry-interval=PT0.2S"})
@Import(OutboxDeliveryTest.Consumers.class)
class OutboxDeliveryTest extends ApiTest {
  private static final int FAILURES = 3;
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired Deliveries deliveries;
  @Autowired JdbcClient jdbc;

  @Test
  void anEventWhoseConsumerFailedIsDeliveredAgainUntilItSucceeds() {
    long itemId = createItem("Outbox kettle");

    await().atMost(PATIENCE).until(() -> deliveries.attempts("test.flaky", itemId) > FAILURES);
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(openPublicationsOf(itemId)).as("no publication of this event is left open").isZero());
  }

  @Test
  void aFailingConsumerIsRetriedAloneWhileTheOtherConsumerOfTheEventRanOnce() {
    long itemId = createItem("Outbox teapot");

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(deliveries.attempts("test.flaky", itemId)).isGreaterThan(FAILURES);
      assertThat(openPublicationsOf(itemId)).isZero();
    });
    assertThat(deliveries.attempts("test.steady", itemId)).isEqualTo(1);
  }

  private long createItem(String title) {
    ApiClient admin = admin();
    String categoryId = admin.get("/api/categories").json().get(0).get("id").asString();
    var created = admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", title, "description", "",
        "price", Map.of("amount", 1200, "currency", "CNY"), "stock", 3, "categoryId", categoryId)));
    return Long.parseLong(created.json().get("id").asString());
  }

  private long openPublicationsOf(long itemId) {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
        .param("%" + itemId + "%").query(Long.class).single();
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    Deliveries deliveries() {
      return new Deliveries();
    }

    /** Fails the first deliveries of each event, as a consumer whose database blinked would. */
    @Bean
    EventSubscription<ItemChanged> flakyConsumer(Deliveries deliveries) {
      return EventSubscription.oneNode("test.flaky", ItemChanged.class, changed -> {
        if (deliveries.attempt("test.flaky", changed.itemId().value()) <= FAILURES) {
          throw new IllegalStateException("delivery fails on purpose");
        }
      });
    }

    @Bean
    EventSubscription<ItemChanged> steadyConsumer(Deliveries deliveries) {
      return EventSubscription.oneNode("test.steady", ItemChanged.class,
          changed -> deliveries.attempt("test.steady", changed.itemId().value()));
    }
  }

  /** Deliveries per consumer and item. */
  static final class Deliveries {
    private final ConcurrentMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    int attempt(String consumer, long itemId) {
      return attempts.computeIfAbsent(consumer + ":" + itemId, key -> new AtomicInteger()).incrementAndGet();
    }

    int attempts(String consumer, long itemId) {
      AtomicInteger count = attempts.get(consumer + ":" + itemId);
      return count == null ? 0 : count.get();
    }
  }
}
