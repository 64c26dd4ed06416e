package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An address book entry's id, as the user module's {@code AddressBook} and the
 * checkout choices of ordering carry it.
 *
 * <p>In JSON it is the bare number, as the {@code long} it replaces was, so answers read the same.
 */
public record AddressId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AddressId of(long value) {
    return new AddressId(value);
  }

  /** The bare number, as the {@code long} printed: log lines, URLs and keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
