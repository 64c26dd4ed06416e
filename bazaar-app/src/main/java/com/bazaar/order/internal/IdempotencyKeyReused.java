package com.bazaar.order.internal;

import com.bazaar.platform.Conflict;

/** The buyer sent an Idempotency-Key again, but with a different request. */
final class IdempotencyKeyReused extends Conflict {
  IdempotencyKeyReused() {
    super("refusal.order.idempotencyKeyReused");
  }
}
