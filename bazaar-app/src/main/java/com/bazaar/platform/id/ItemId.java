package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A catalog item's id, as events and the APIs of catalog, inventory, search, cart and flash sales carry it.
 *
 * <p>In JSON (events in the outbox and on the bus, API answers) it is the bare number, as the
 * {@code long} it replaces was, so rows and messages written before it read the same.
 */
public record ItemId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ItemId of(long value) {
    return new ItemId(value);
  }

  /** The bare number, as the {@code long} printed: log lines and dedup keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
