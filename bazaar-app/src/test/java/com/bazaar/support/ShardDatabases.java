package com.bazaar.support;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Throw-away order shard databases on the machine's MariaDB for a test context with profile
 * {@code sharding}: {@link #register} names two fresh databases, and the component drops them
 * when the context closes. Each such context is its own (no other class shares its shard
 * databases), so test classes close it after they run ({@code @DirtiesContext}).
 */
@Component
@Profile("sharding")
public class ShardDatabases {
  public static final int COUNT = 2;
  private static final String HOST = System.getenv().getOrDefault("BAZAAR_TEST_MARIADB_HOST", "127.0.0.1");
  private static final String PORT = System.getenv().getOrDefault("BAZAAR_TEST_MARIADB_PORT", "3306");
  private static final String USER = System.getenv().getOrDefault("BAZAAR_TEST_MARIADB_USER", "root");
  private static final String PASSWORD = System.getenv().getOrDefault("BAZAAR_TEST_MARIADB_PASSWORD", "");
  private final Environment environment;

  ShardDatabases(Environment environment) {
    this.environment = environment;
  }

  /** Points the sharding profile at {@link #COUNT} new databases named after a random prefix. */
  public static String register(DynamicPropertyRegistry registry) {
    String prefix = "bazaar_test_shard_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    for (int i = 0; i < COUNT; i++) {
      String database = prefix + i;
      registry.add("bazaar.order.sharding.databases[" + i + "].url", () -> url(database) + "?createDatabaseIfNotExist=true");
      registry.add("bazaar.order.sharding.databases[" + i + "].username", () -> USER);
      registry.add("bazaar.order.sharding.databases[" + i + "].password", () -> PASSWORD);
    }
    // The MariaDB server is shared (other suites, other helpers): hold few connections.
    registry.add("bazaar.order.sharding.pool-size", () -> "5");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
    registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
    return prefix;
  }

  public static String url(String database) {
    return "jdbc:mariadb://" + HOST + ":" + PORT + "/" + database;
  }

  /** A plain connection to one shard database, past ShardingSphere, to look at the physical tables. */
  public Connection open(int shard) throws SQLException {
    return DriverManager.getConnection(url(database(shard)), USER, PASSWORD);
  }

  public String database(int shard) {
    String url = environment.getRequiredProperty("bazaar.order.sharding.databases[" + shard + "].url");
    return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
  }

  @PreDestroy
  void drop() throws SQLException {
    List<String> databases = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      databases.add(database(i));
    }
    try (Connection connection = DriverManager.getConnection(url(""), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      for (String database : databases) {
        if (database.startsWith("bazaar_test_")) {
          statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
      }
    }
  }
}
