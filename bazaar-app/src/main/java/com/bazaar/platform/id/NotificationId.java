package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A message's id in a buyer's inbox, as the notification module's {@code Notifications} carries it.
 *
 * <p>In JSON it is the bare number, as the {@code long} it replaces was, so answers read the same.
 */
public record NotificationId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static NotificationId of(long value) {
    return new NotificationId(value);
  }

  /** The bare number, as the {@code long} printed: log lines, URLs and keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
