package com.bazaar.order.internal;

import com.bazaar.platform.Conflict;

/** Another request with the same Idempotency-Key is still running; the client may retry. */
final class IdempotentRequestInProgress extends Conflict {
  IdempotentRequestInProgress() {
    super("a request with this Idempotency-Key is still in progress; retry shortly");
  }
}
