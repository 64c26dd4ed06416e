package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.InvalidInput;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class LockConflictRetryTest {
  private final LockConflictRetry retry =
      new LockConflictRetry(new LockConflictRetryProperties(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5)));
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void aDeadlockVictimRunsAgainUntilItCommits() {
    String result = retry.run(() -> {
      if (runs.incrementAndGet() < 3) {
        throw new CannotAcquireLockException("Deadlock found when trying to get lock");
      }
      return "committed";
    });

    assertThat(result).isEqualTo("committed");
    assertThat(runs).hasValue(3);
  }

  @Test
  void aConflictThatPersistsGoesUpAsItIsAfterTheLastRetry() {
    CannotAcquireLockException conflict = new CannotAcquireLockException("Lock wait timeout exceeded");

    assertThatThrownBy(() -> retry.run(() -> {
      runs.incrementAndGet();
      throw conflict;
    })).isSameAs(conflict);
    assertThat(runs).hasValue(4);
  }

  @Test
  void otherFailuresAreNotRetried() {
    InvalidInput bad = new InvalidInput("quantity", "refusal.atLeast", 1);

    assertThatThrownBy(() -> retry.run(() -> {
      runs.incrementAndGet();
      throw bad;
    })).isSameAs(bad);
    assertThat(runs).hasValue(1);
  }

  @Test
  void insideAnOpenTransactionTheUnitRunsOnceAndItsOwnerDecides() {
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> retry.run(() -> {
        runs.incrementAndGet();
        throw new CannotAcquireLockException("Deadlock found when trying to get lock");
      })).isInstanceOf(CannotAcquireLockException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(runs).hasValue(1);
  }
}
