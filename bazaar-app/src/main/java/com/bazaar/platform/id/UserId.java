package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A user's id (a buyer, an admin), as the order events carry the buyer.
 *
 * <p>In JSON (events in the outbox and on the bus, API answers) it is the bare number, as the
 * {@code long} it replaces was, so rows and messages written before it read the same.
 */
public record UserId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static UserId of(long value) {
    return new UserId(value);
  }

  /** The bare number, as the {@code long} printed: log lines and dedup keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
