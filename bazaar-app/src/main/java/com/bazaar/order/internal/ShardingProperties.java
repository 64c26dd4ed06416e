package com.bazaar.order.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.order.sharding.*}: where the order shards live. Off by default: orders stay in
 * the application's one database. With {@code enabled=true} (profile {@code sharding}), orders
 * and their lines spread over {@code databases} × {@code tables-per-database} physical tables
 * through ShardingSphere-JDBC; see docs/sharding.md.
 *
 * @param reservationTimeout how long a stock reservation may wait for its order to appear in
 *     its shard before the recovery job gives the stock back
 * @param sqlShow log every logical and physical statement (ShardingSphere's sql-show)
 * @param poolSize connections per shard database at most
 */
@ConfigurationProperties("bazaar.order.sharding")
record ShardingProperties(
    boolean enabled,
    List<Shard> databases,
    int tablesPerDatabase,
    Duration reservationTimeout,
    Duration recoveryInterval,
    boolean sqlShow,
    int poolSize) {

  ShardingProperties {
    databases = databases == null ? List.of() : List.copyOf(databases);
    tablesPerDatabase = tablesPerDatabase == 0 ? 4 : tablesPerDatabase;
    reservationTimeout = reservationTimeout == null ? Duration.ofMinutes(1) : reservationTimeout;
    recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(30) : recoveryInterval;
    poolSize = poolSize == 0 ? 10 : poolSize;
    if (enabled) {
      int tables = databases.size() * tablesPerDatabase;
      if (databases.isEmpty() || OrderSlots.SLOTS % tables != 0) {
        throw new IllegalArgumentException("bazaar.order.sharding: databases × tables-per-database must divide "
            + OrderSlots.SLOTS + " (the slots an order id encodes), got " + databases.size() + " × "
            + tablesPerDatabase);
      }
    }
  }

  /** One shard database's connection. */
  record Shard(String url, String username, String password) {
    Shard {
      password = password == null ? "" : password;
    }
  }
}
