package com.bazaar.order;

import com.bazaar.platform.Conflict;

/**
 * Another request with the same Idempotency-Key is still running; the client may retry. Not a
 * refusal: whoever retries later finds that request's result.
 */
public final class IdempotentRequestInProgress extends Conflict {
  public IdempotentRequestInProgress() {
    super("refusal.order.idempotentRequestInProgress");
  }
}
