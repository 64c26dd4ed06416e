package com.bazaar.platform.data;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a whole transactional unit again when the database rolled it back for a lock conflict —
 * chosen as a deadlock victim, or a lock wait timed out ({@link PessimisticLockingFailureException}).
 * Such a failure is transient: the same unit succeeds a moment later, so the shopper should never
 * see it. A few retries, each after a growing delay with jitter (so two victims do not collide
 * again in step), then the failure goes up as it is.
 *
 * <p>Only the owner of a transaction may retry it: called while a transaction is already open
 * (the unit would join it, and the database has rolled all of it back), the unit runs once and
 * its failure goes to whoever opened the transaction.
 */
public final class LockConflictRetry {
  private static final Logger log = LoggerFactory.getLogger(LockConflictRetry.class);

  private final RetryTemplate retry;

  public LockConflictRetry(LockConflictRetryProperties properties) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(properties.maxRetries())
            .delay(properties.delay())
            .jitter(properties.jitter())
            .multiplier(2)
            .maxDelay(properties.maxDelay())
            .build();
    this.retry = new RetryTemplate(policy);
  }

  /** Runs {@code unit} (which opens and commits its own transaction), again after a lock conflict. */
  public <T> T run(Supplier<T> unit) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return unit.get();
    }
    try {
      return retry.execute(unit::get);
    } catch (RetryException e) {
      // Also how RetryTemplate hands back a failure it does not retry (bad input, out of stock, ...).
      Throwable last = e.getLastException();
      if (last instanceof PessimisticLockingFailureException) {
        log.warn("lock conflict persisted after {} retries", e.getRetryCount());
      }
      if (last instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (last instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(last);
    }
  }

  public void run(Runnable unit) {
    run(() -> {
      unit.run();
      return null;
    });
  }
}
