package com.bazaar.platform.id;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Worker ids leased from a database table, so that two live nodes never hold the same one.
 * Each statement is a single conditional write, safe under any number of racing nodes.
 *
 * <p>A lease ends at {@code expiresAt} (epoch millis, by the holder's clock, which also
 * decides takeovers). Its holder issues ids only with timestamps before that instant, and
 * whoever takes the worker id over issues ids only after it, so the two never overlap —
 * even if the new holder's clock runs behind, or the old holder is still running.
 */
final class WorkerIdLeases {
  private final JdbcClient jdbc;

  WorkerIdLeases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes an expired worker id, or a never-used one; throws if all 1,024 are held. */
  Lease acquire(String owner, long now, long leaseMillis) {
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<Lease> lease = takeOverExpired(owner, now, leaseMillis).or(() -> claimUnused(owner, now, leaseMillis));
      if (lease.isPresent()) {
        return lease.get();
      }
    }
    throw new IllegalStateException("no free worker id: all " + (SnowflakeIdGenerator.MAX_WORKER_ID + 1) + " are leased");
  }

  /** Extends the lease; false if another node has taken it over (the lease is lost). */
  boolean renew(Lease lease, long newExpiry) {
    return jdbc.sql("UPDATE worker_id_leases SET expires_at = ? WHERE worker_id = ? AND owner = ?")
            .params(newExpiry, lease.workerId(), lease.owner())
            .update()
        == 1;
  }

  /** Ends the lease at {@code now}: the next holder starts after the last id issued here. */
  void release(Lease lease, long now) {
    jdbc.sql("UPDATE worker_id_leases SET expires_at = ? WHERE worker_id = ? AND owner = ? AND expires_at > ?")
        .params(now, lease.workerId(), lease.owner(), now)
        .update();
  }

  private Optional<Lease> takeOverExpired(String owner, long now, long leaseMillis) {
    Optional<Expired> expired =
        jdbc.sql("SELECT worker_id, expires_at FROM worker_id_leases WHERE expires_at < ? ORDER BY expires_at LIMIT 1")
            .param(now)
            .query((rs, n) -> new Expired(rs.getInt("worker_id"), rs.getLong("expires_at")))
            .optional();
    if (expired.isEmpty()) {
      return Optional.empty();
    }
    Expired row = expired.get();
    int taken =
        jdbc.sql("UPDATE worker_id_leases SET owner = ?, expires_at = ? WHERE worker_id = ? AND expires_at = ?")
            .params(owner, now + leaseMillis, row.workerId(), row.expiresAt())
            .update();
    return taken == 1
        ? Optional.of(new Lease(row.workerId(), owner, row.expiresAt(), now + leaseMillis))
        : Optional.empty();
  }

  private Optional<Lease> claimUnused(String owner, long now, long leaseMillis) {
    int next = jdbc.sql("SELECT COALESCE(MAX(worker_id) + 1, 0) FROM worker_id_leases").query(Integer.class).single();
    if (next > SnowflakeIdGenerator.MAX_WORKER_ID) {
      return Optional.empty();
    }
    try {
      jdbc.sql("INSERT INTO worker_id_leases (worker_id, owner, expires_at) VALUES (?, ?, ?)")
          .params(next, owner, now + leaseMillis)
          .update();
      return Optional.of(new Lease(next, owner, -1, now + leaseMillis));
    } catch (DuplicateKeyException raced) {
      return Optional.empty();
    }
  }

  /** A held worker id; ids must come after {@code notBefore} and before {@code expiresAt}. */
  record Lease(int workerId, String owner, long notBefore, long expiresAt) {}

  private record Expired(int workerId, long expiresAt) {}
}
