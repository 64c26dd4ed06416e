package com.bazaar.platform.data;

import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One database: every read on the primary, nothing to fence. */
final class PrimaryReads implements ReadRouting {
  private final JdbcClient primary;

  PrimaryReads(JdbcClient primary) {
    this.primary = primary;
  }

  @Override
  public <T> T read(Function<JdbcClient, T> query) {
    return query.apply(primary);
  }

  @Override
  public void markWritten() {}
}
