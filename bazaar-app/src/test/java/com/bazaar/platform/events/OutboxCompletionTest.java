package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Import;

/**
 * In the one-database layout an outbox publication is marked completed inside its handler's
 * transaction: the handler's writes and the completion commit together, or neither does. A
 * handler that throws, or whose commit fails after the completion was written, leaves its
 * publication open and its writes undone; the outbox hands the event over again (after a failed
 * commit of a redelivery, once the staleness monitor has marked the publication failed).
 */
@TestPropertySource(properties = {"bazaar.outbox.retry-after=PT1S", "bazaar.outbox.retry-interval=PT0.2S",
    "spring.modulith.events.staleness.resubmission=PT2S", "spring.modulith.events.staleness.check-intervall=PT0.5S"})
@Import(OutboxCompletionTest.Consumers.class)
class OutboxCompletionTest extends ApiTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final AtomicLong IDS = new AtomicLong(7_000_000_000L);

  @Autowired Handlers handlers;
  @Autowired EventDeliveries deliveries;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void inOneDatabaseEverySubscriptionCompletesInItsHandlersTransaction() {
    assertThat(deliveries.subscriptions()).isNotEmpty().allMatch(deliveries::completesInHandlerTransaction);
  }

  @Test
  void aHandlerThatThrowsLeavesItsPublicationOpenAndItsWritesRolledBack() {
    long id = IDS.incrementAndGet();
    handlers.failing(THROWING, id);
    publish(id);

    // A second attempt: the first left the publication open, with nothing of its work kept.
    await().atMost(PATIENCE).until(() -> handlers.attempts(THROWING, id) >= 2);
    assertThat(processedRows(THROWING, id)).isZero();
    assertThat(openPublications(THROWING, id)).isOne();
    await().atMost(PATIENCE).until(() -> openPublications(FAILING_COMMIT, id) == 0);

    handlers.heal(THROWING, id);
    await().atMost(PATIENCE).until(() -> openPublications(THROWING, id) == 0);
    assertThat(processedRows(THROWING, id)).isOne();
    assertThat(handlers.attempts(FAILING_COMMIT, id)).as("the other consumer ran once").isOne();
  }

  @Test
  void aHandlersWritesAndItsCompletionCommitTogether() {
    long id = IDS.incrementAndGet();
    handlers.failing(FAILING_COMMIT, id);
    publish(id);

    // Each commit fails after the handler's write and the completion were both sent: both undone.
    await().atMost(PATIENCE).until(() -> handlers.attempts(FAILING_COMMIT, id) >= 2);
    assertThat(processedRows(FAILING_COMMIT, id)).isZero();
    assertThat(openPublications(FAILING_COMMIT, id)).isOne();

    handlers.heal(FAILING_COMMIT, id);
    await().atMost(PATIENCE).until(() -> openPublications(FAILING_COMMIT, id) == 0);
    assertThat(processedRows(FAILING_COMMIT, id)).isOne();
  }

  private void publish(long id) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new Probe(id)));
  }

  private long openPublications(String subscription, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication"
            + " WHERE completion_date IS NULL AND listener_id = ? AND serialized_event LIKE ?")
        .params("bus." + subscription, "%\"id\":" + id + "%")
        .query(Long.class).single();
  }

  private long processedRows(String subscription, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM processed_messages WHERE consumer = ? AND message_id = ?")
        .params(subscription, "Probe:" + id)
        .query(Long.class).single();
  }

  static final String THROWING = "test.throwing";
  static final String FAILING_COMMIT = "test.failing-commit";

  /** The event of these tests; ids are unique to each test. */
  record Probe(long id) implements BusEvent {}

  @TestConfiguration
  static class Consumers {
    @Bean
    Handlers handlers() {
      return new Handlers();
    }

    /** Writes its row, then throws while it is told to fail. */
    @Bean
    EventSubscription<Probe> throwingConsumer(Handlers handlers, ProcessedMessages processed) {
      return EventSubscription.oneNode(THROWING, Probe.class, probe -> {
        handlers.attempt(THROWING, probe.id());
        processed.firstDelivery(THROWING, "Probe:" + probe.id());
        if (handlers.isFailing(THROWING, probe.id())) {
          throw new IllegalStateException("handler fails on purpose");
        }
      });
    }

    /** Writes its row and returns; its transaction's commit fails while it is told to fail. */
    @Bean
    EventSubscription<Probe> failingCommitConsumer(Handlers handlers, ProcessedMessages processed) {
      return EventSubscription.oneNode(FAILING_COMMIT, Probe.class, probe -> {
        handlers.attempt(FAILING_COMMIT, probe.id());
        processed.firstDelivery(FAILING_COMMIT, "Probe:" + probe.id());
        if (handlers.isFailing(FAILING_COMMIT, probe.id())) {
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              throw new IllegalStateException("commit fails on purpose");
            }
          });
        }
      });
    }
  }

  /** Attempts per consumer and probe, and which probes a consumer fails on. */
  static final class Handlers {
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    void failing(String consumer, long id) {
      failing.add(consumer + ":" + id);
    }

    void heal(String consumer, long id) {
      failing.remove(consumer + ":" + id);
    }

    boolean isFailing(String consumer, long id) {
      return failing.contains(consumer + ":" + id);
    }

    void attempt(String consumer, long id) {
      attempts.computeIfAbsent(consumer + ":" + id, key -> new AtomicInteger()).incrementAndGet();
    }

    int attempts(String consumer, long id) {
      AtomicInteger count = attempts.get(consumer + ":" + id);
      return count == null ? 0 : count.get();
    }
  }
}
