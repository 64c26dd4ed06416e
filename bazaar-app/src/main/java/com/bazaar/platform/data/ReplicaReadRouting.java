package com.bazaar.platform.data;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read/write splitting over a MariaDB primary and one replica. A read goes to the replica
 * only when none of these holds, else to the primary:
 *
 * <ul>
 *   <li>a transaction is open (it must see its own writes and one snapshot);
 *   <li>the caller's session wrote within the read-your-writes window ({@link ReadYourWrites});
 *   <li>the replica is down, not replicating, or more than {@code max-lag} behind;
 *   <li>the replica has not yet applied the last commit that {@link #markWritten() declared a
 *       write} (compared by GTID, against the {@link WriteFence}, which in a cluster every node
 *       sees): this keeps caches, reloaded right after such a commit on any node, from filling
 *       with the old row.
 * </ul>
 *
 * A read that fails on the replica is run again on the primary and marks the replica down
 * until the next successful check: the caller sees an answer, never the replica's failure.
 *
 * <p>A read the replica may serve goes to it, or with {@link ReplicaReads#BALANCED} (the
 * default) to whichever of the two servers has fewer of this node's reads in flight, the
 * replica on a tie. In-flight reads are the arrival rate times the latency, so a server that
 * answers slower (busy with writes, or saturated by reads) is given fewer: an idle shop reads
 * from the replica, a saturated one reads from both, and the primary's capacity is not left
 * idle while the replica queues. Reading from the primary is always fresh, so this changes no
 * guarantee above.
 */
final class ReplicaReadRouting implements ReadRouting {
  private static final Logger log = LoggerFactory.getLogger(ReplicaReadRouting.class);
  private final JdbcClient primary;
  private final JdbcClient replica;
  private final ReplicaMonitor monitor;
  private final Duration maxLag;
  private final Counter primaryReads;
  private final Counter replicaReads;
  private final WriteFence fence;
  private final ReplicaReads spread;
  private final AtomicInteger inFlightOnPrimary = new AtomicInteger();
  private final AtomicInteger inFlightOnReplica = new AtomicInteger();

  ReplicaReadRouting(
      JdbcClient primary, JdbcClient replica, ReplicaMonitor monitor, WriteFence fence, Duration maxLag,
      ReplicaReads spread, MeterRegistry meters) {
    this.primary = primary;
    this.spread = spread;
    this.replica = replica;
    this.monitor = monitor;
    this.fence = fence;
    this.maxLag = maxLag;
    this.primaryReads = readsOn("primary", meters);
    this.replicaReads = readsOn("replica", meters);
  }

  @Override
  public <T> T read(Function<JdbcClient, T> query) {
    if (replicaMayServe() && replicaIsTheLessBusy()) {
      inFlightOnReplica.incrementAndGet();
      try {
        T result = query.apply(replica);
        replicaReads.increment();
        return result;
      } catch (DataAccessException e) {
        monitor.reportFailure(e);
      } finally {
        inFlightOnReplica.decrementAndGet();
      }
    }
    primaryReads.increment();
    inFlightOnPrimary.incrementAndGet();
    try {
      return query.apply(primary);
    } finally {
      inFlightOnPrimary.decrementAndGet();
    }
  }

  private boolean replicaIsTheLessBusy() {
    return spread == ReplicaReads.REPLICA || inFlightOnReplica.get() <= inFlightOnPrimary.get();
  }

  @Override
  public void markWritten() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      raiseFence();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            raiseFence();
          }
        });
  }

  boolean replicaMayServe() {
    if (TransactionSynchronizationManager.isActualTransactionActive() || ReadYourWrites.primaryOnly()) {
      return false;
    }
    ReplicaState state = monitor.state();
    // The fence last: in a cluster it is a round trip to Redis, not needed when the answer is no anyway.
    return state.replicating() && !state.laggingBeyond(maxLag) && state.applied().covers(fence.position());
  }

  /**
   * The primary's position after the commit, which includes it (positions only grow). If the
   * primary cannot tell, no position is safe: reads stay on it until the next declared write.
   */
  private void raiseFence() {
    GtidPosition written;
    try {
      written = GtidPosition.parse(primary.sql("SELECT @@gtid_binlog_pos").query(String.class).single());
    } catch (DataAccessException e) {
      log.warn("primary's GTID position unknown after a write, catalog reads stay on the primary", e);
      written = GtidPosition.NEVER;
    }
    fence.raise(written);
  }

  private static Counter readsOn(String target, MeterRegistry meters) {
    return Counter.builder("bazaar.reads")
        .description("read-only queries by the database that answered them")
        .tag("target", target)
        .register(meters);
  }
}
