package com.bazaar.platform.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants travel to and from DATETIME columns as UTC local date-times, so neither the JVM's
 * nor the database session's time zone can shift a stored time.
 */
public final class UtcColumns {
  private UtcColumns() {}

  /**
   * Now, at the precision a DATETIME(6) column keeps (microseconds), so that an object built
   * with it equals the same object read back from the database.
   */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  public static LocalDateTime toColumn(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
