package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A flash sale's id, as the flash-sale module's API carries it (the sale, its tickets, its
 * accounts).
 *
 * <p>In JSON it is the bare number, as the {@code long} it replaces was, so answers read the same.
 */
public record SaleId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SaleId of(long value) {
    return new SaleId(value);
  }

  /** The bare number, as the {@code long} printed: log lines, URLs and keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
