package com.bazaar.platform.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

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
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A NOT NULL column's instant. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Instant value = nullableInstant(rs, column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is NULL, but the schema says NOT NULL");
    }
    return value;
  }

  /** A NULL-able column's instant (a time that has not come yet: paid, cancelled, read). */
  public static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
