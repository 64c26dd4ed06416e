package com.bazaar.platform.data;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the replica on its own thread, so that a replica that hangs delays nobody's request:
 * readers only look at the last {@link ReplicaState}. A failed read reports itself at once
 * ({@link #reportFailure}), without waiting for the next check.
 */
final class ReplicaMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

  private final JdbcTemplate replica;
  private final ScheduledExecutorService checks =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "replica-monitor");
            thread.setDaemon(true);
            return thread;
          });
  private volatile ReplicaState state = ReplicaState.UNCHECKED;
  private @Nullable ScheduledFuture<?> checking;

  ReplicaMonitor(JdbcTemplate replica) {
    this.replica = replica;
  }

  ReplicaMonitor startChecking(Duration interval) {
    checking = checks.scheduleWithFixedDelay(this::checkOnSchedule, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  ReplicaState state() {
    return state;
  }

  void reportFailure(RuntimeException failure) {
    record(ReplicaState.down(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
  }

  void check() {
    try {
      record(observe());
    } catch (RuntimeException e) {
      reportFailure(e);
    }
  }

  /**
   * A periodic task that throws is never run again, and its exception waits unread in its future:
   * the replica would keep its last state, perhaps "replicating", for good. {@link #check} turns
   * every RuntimeException into a down replica; an Error ends the checks, so it is logged and the
   * replica is left down (reads go to the primary) before it is rethrown.
   */
  private void checkOnSchedule() {
    try {
      check();
    } catch (Error e) {
      log.error("replica checks stopped; replica reads go to the primary until this node restarts", e);
      record(ReplicaState.down("replica checks stopped: " + e));
      throw e;
    }
  }

  private ReplicaState observe() {
    List<Map<String, Object>> rows = replica.queryForList("SHOW SLAVE STATUS");
    if (rows.isEmpty()) {
      return ReplicaState.down("not configured as a replica");
    }
    Map<String, Object> status = rows.get(0);
    boolean running =
        "Yes".equals(status.get("Slave_IO_Running")) && "Yes".equals(status.get("Slave_SQL_Running"));
    Object behind = status.get("Seconds_Behind_Master");
    if (!running || behind == null) {
      return ReplicaState.down("replication stopped: " + status.get("Last_Error"));
    }
    GtidPosition applied =
        GtidPosition.parse(replica.queryForObject("SELECT @@gtid_slave_pos", String.class));
    return ReplicaState.replicating(Duration.ofSeconds(Long.parseLong(behind.toString())), applied);
  }

  void record(ReplicaState next) {
    if (state.replicating() != next.replicating()) {
      log.info("replica {}", next.replicating() ? "replicating again" : "unavailable: " + next.problem());
    }
    state = next;
  }

  @Override
  public void close() {
    if (checking != null) {
      checking.cancel(true);
    }
    checks.shutdownNow();
  }
}
