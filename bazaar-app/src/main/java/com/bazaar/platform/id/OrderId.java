package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order's id: what {@code Order.id()} holds, as the order events and the order module's API carry it.
 *
 * <p>In JSON (events in the outbox and on the bus, API answers) it is the bare number, as the
 * {@code long} it replaces was, so rows and messages written before it read the same.
 */
public record OrderId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static OrderId of(long value) {
    return new OrderId(value);
  }

  /** The bare number, as the {@code long} printed: log lines and dedup keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
