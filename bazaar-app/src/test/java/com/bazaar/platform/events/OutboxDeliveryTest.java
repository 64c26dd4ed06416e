package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

/**
 * Stage 11 in the embedded default: an event accepted by the outbox reaches a listener that
 * fails at first, because the outbox hands it over again, and the publication is closed
 * once the listener has succeeded.
 */
@TestPropertySource(properties = {"bazaar.outbox.retry-after=PT0.3S", "bazaar.outbox.retry-interval=PT0.2S"})
class OutboxDeliveryTest extends ApiTest {

  @Autowired FlakyListener listener;
  @Autowired JdbcClient jdbc;

  @Test
  void anEventWhoseListenerFailedIsDeliveredAgainUntilItSucceeds() {
    ApiClient admin = admin();
    String categoryId = admin.get("/api/categories").json().get(0).get("id").asString();
    var created = admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "Outbox kettle", "description", "",
        "price", Map.of("amount", 1200, "currency", "CNY"), "stock", 3, "categoryId", categoryId)));
    long itemId = Long.parseLong(created.json().get("id").asString());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(listener.delivered()).contains(itemId));
    assertThat(listener.attempts(itemId)).isGreaterThanOrEqualTo(2);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?")
            .param("%" + itemId + "%").query(Long.class).single())
            .as("no publication of this event is left open").isZero());
  }

  @TestConfiguration
  static class Listeners {
    @Bean
    FlakyListener flakyListener() {
      return new FlakyListener();
    }
  }

  /**
   * Fails the first delivery of each event, as a consumer whose database blinked would.
   * Read through methods: the bean is an async proxy whose own fields are empty.
   */
  static class FlakyListener {
    private final ConcurrentMap<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<Long> delivered = ConcurrentHashMap.newKeySet();

    public Set<Long> delivered() {
      return delivered;
    }

    public int attempts(long itemId) {
      return attempts.getOrDefault(itemId, new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(ItemChanged changed) {
      int attempt = attempts.computeIfAbsent(changed.itemId(), id -> new AtomicInteger()).incrementAndGet();
      if (attempt == 1) {
        throw new IllegalStateException("first delivery fails on purpose");
      }
      delivered.add(changed.itemId());
    }
  }
}
