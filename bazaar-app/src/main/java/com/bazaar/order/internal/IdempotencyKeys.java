package com.bazaar.order.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A key is claimed by inserting its row first in the
 * transaction that does the work: the primary key lets exactly one attempt hold it, and if
 * the work fails, the claim rolls back with it, so the client may retry with the same key.
 */
@Repository
class IdempotencyKeys {
  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Throws DuplicateKeyException when another attempt holds the key. */
  void claim(long userId, String scope, IdempotencyKey key, String requestHash, long resourceId, Instant now) {
    jdbc.sql(
            """
            INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, resource_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(userId, scope, key.value(), requestHash, resourceId, toColumn(now))
        .update();
  }

  /** Frees a key whose work was undone after its claim had committed, so the client may retry. */
  void release(long userId, String scope, IdempotencyKey key) {
    jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = ? AND scope = ? AND idem_key = ?")
        .params(userId, scope, key.value())
        .update();
  }

  /** Frees every key that claimed this resource (an order given up by the recovery job). */
  void releaseAll(String scope, long resourceId) {
    jdbc.sql("DELETE FROM idempotency_keys WHERE scope = ? AND resource_id = ?").params(scope, resourceId).update();
  }

  Optional<Claimed> find(long userId, String scope, IdempotencyKey key) {
    return jdbc.sql(
            "SELECT request_hash, resource_id FROM idempotency_keys WHERE user_id = ? AND scope = ? AND idem_key = ?")
        .params(userId, scope, key.value())
        .query((rs, n) -> new Claimed(rs.getString("request_hash"), rs.getLong("resource_id")))
        .optional();
  }

  record Claimed(String requestHash, long resourceId) {}
}
