package com.bazaar.platform.events;

import java.time.Clock;
import com.bazaar.platform.time.UtcColumns;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's memory: one row per (consumer, message id), inserted in the
 * same transaction as the consumer's effect. A redelivered message finds its row and is
 * skipped; a concurrent duplicate waits on the row lock and then finds it. The message id
 * is the event's own identity (e.g. {@code OrderPaid:<orderId>}), so a message relayed
 * twice by the outbox is recognised too.
 */
@Component
public class ProcessedMessages {
  private final JdbcClient jdbc;
  private final Clock clock;

  ProcessedMessages(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the message as processed by this consumer; answers false if it already was. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstDelivery(String consumer, String messageId) {
    try {
      jdbc.sql("INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES (?, ?, ?)")
          .params(consumer, messageId, UtcColumns.toColumn(UtcColumns.now(clock)))
          .update();
      return true;
    } catch (DuplicateKeyException alreadyProcessed) {
      return false;
    }
  }
}
