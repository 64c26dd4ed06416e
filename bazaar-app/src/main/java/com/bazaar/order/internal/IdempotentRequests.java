package com.bazaar.order.internal;

import com.bazaar.order.IdempotentRequestInProgress;
import com.bazaar.order.Order;
import com.bazaar.order.OrderNotPayable;
import com.bazaar.platform.time.UtcColumns;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request once per Idempotency-Key. The work claims the key (inserts its row) in its
 * first transaction; a concurrent or later attempt with the same key fails that insert (at
 * once, or once the holder commits), and then reads what the holder recorded. If the holder
 * rolled back, or gave its work up and freed the key, this attempt tries anew.
 */
@Component
class IdempotentRequests {
  static final String PLACE_SCOPE = "order";
  static final String PAY_SCOPE = "pay";
  /**
   * A retry that loses the race for its key looks for the winner's result this many times at
   * most, waiting a little longer each time: with sharded orders the key commits before the
   * order row does, so the winner's order may be a few milliseconds from readable.
   */
  private static final int CLAIM_ATTEMPTS = 10;
  private static final long CLAIM_BACKOFF_MS = 20;

  private final IdempotencyKeys keys;
  private final Orders orders;
  private final OrderStore store;
  private final TransactionTemplate writing;
  private final Clock clock;

  IdempotentRequests(
      IdempotencyKeys keys, Orders orders, OrderStore store, PlatformTransactionManager transactions, Clock clock) {
    this.keys = keys;
    this.orders = orders;
    this.store = store;
    this.writing = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  Order once(long buyerId, String scope, Optional<String> rawKey, String canonicalRequest,
      Function<Optional<Claim>, Order> work) {
    if (rawKey.isEmpty()) {
      return work.apply(Optional.empty());
    }
    Claim claim = new Claim(buyerId, scope, new IdempotencyKey(rawKey.get()),
        IdempotencyKey.hash(scope + "|" + canonicalRequest));
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      try {
        return work.apply(Optional.of(claim));
      } catch (DuplicateKeyException | PessimisticLockingFailureException lostTheClaim) {
        Optional<Order> first = firstResult(claim);
        if (first.isPresent()) {
          return first.get();
        }
        backOff(attempt);
      } catch (OrderNotPayable payingAgain) {
        // A retried payment that waited on the order's row lock finds it paid by its first attempt.
        return firstResult(claim).orElseThrow(() -> payingAgain);
      } catch (EmptyCart emptied) {
        // The first placement emptied the cart: a retry (a form sent again from the back button) gets that order.
        return firstResult(claim).orElseThrow(() -> emptied);
      }
    }
    throw new IdempotentRequestInProgress();
  }

  /** Frees the place keys of an order that was given up, so a retry places it anew. */
  void releasePlaceKeys(long orderId) {
    keys.releaseAll(PLACE_SCOPE, orderId);
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(CLAIM_BACKOFF_MS * (attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdempotentRequestInProgress();
    }
  }

  private Optional<Order> firstResult(Claim claim) {
    Optional<IdempotencyKeys.Claimed> claimed = writing.execute(s -> keys.find(claim.buyerId, claim.scope, claim.key));
    if (claimed.isPresent() && !claimed.get().requestHash().equals(claim.hash)) {
      throw new IdempotencyKeyReused();
    }
    return claimed.flatMap(c -> store.reading().execute(t -> orders.find(claim.buyerId, c.resourceId())));
  }

  /** An Idempotency-Key to claim for a resource id, once the work knows the id. */
  final class Claim {
    private final long buyerId;
    private final String scope;
    private final IdempotencyKey key;
    private final String hash;

    private Claim(long buyerId, String scope, IdempotencyKey key, String hash) {
      this.buyerId = buyerId;
      this.scope = scope;
      this.key = key;
      this.hash = hash;
    }

    void claim(long resourceId) {
      keys.claim(buyerId, scope, key, hash, resourceId, UtcColumns.now(clock));
    }

    void release() {
      keys.release(buyerId, scope, key);
    }
  }
}
