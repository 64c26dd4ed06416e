package com.bazaar.platform.data;

import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Port for read/write splitting: runs a read-only query where it may run. The embedded
 * default ({@link PrimaryReads}) always uses the primary; {@link ReplicaReadRouting} sends
 * reads to a MariaDB replica unless that could show the caller a stale row.
 */
public interface ReadRouting {
  /** Runs a query that writes nothing; it may be run a second time, on the primary. */
  <T> T read(Function<JdbcClient, T> query);

  /**
   * Declares that the current transaction writes rows readers must not see stale: once it
   * commits, reads stay on the primary until the replica holds the change.
   */
  void markWritten();

  /** Every read on the one database given: nothing to route, nothing to fence. */
  static ReadRouting primaryOnly(JdbcClient database) {
    return new PrimaryReads(database);
  }
}
