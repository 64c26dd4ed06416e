package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.bazaar.BazaarApplication;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A later release changes {@code items}, {@code users} and {@code orders}, each in a new
 * migration of its module (the test's own root {@code db-probe}, beside {@code db}): the change
 * reaches the tables wherever the layout keeps them — the single database, the user and catalog
 * databases of the split layout, and every physical order table of every shard.
 */
@RealEngines
class NewMigrationReachesEveryLayoutTest {
  private static final String PROBE_ROOTS = "--bazaar.data.migration-roots=db,db-probe";

  @Test
  void theSingleDatabase() {
    try (ConfigurableApplicationContext node = start(List.of(), "test")) {
      JdbcClient main = node.getBean(JdbcClient.class);
      for (String table : List.of("items", "users", "orders")) {
        assertHasProbe(main, table);
      }
    }
  }

  @Test
  void theSplitDatabases() {
    String database = "bazaar_test_" + UUID.randomUUID().toString().replace("-", "");
    try (ConfigurableApplicationContext node =
        start(List.of("--bazaar.mariadb.database=" + database), "test", "mariadb", "split")) {
      DataLayout layout = node.getBean(DataLayout.class);
      assertHasProbe(layout.ownDatabaseOf("user").orElseThrow().jdbc(), "users");
      assertHasProbe(layout.ownDatabaseOf("catalog").orElseThrow().jdbc(), "items");
      assertHasProbe(node.getBean(JdbcClient.class), "orders");
    }
  }

  @Test
  void everyTableOfEveryShard() throws Exception {
    List<String> shards = new ArrayList<>();
    ShardDatabases.register((name, value) -> shards.add("--" + name + "=" + value.get()));
    try (ConfigurableApplicationContext node = start(shards, "test", "mariadb", "sharding")) {
      ShardDatabases databases = node.getBean(ShardDatabases.class);
      for (int shard = 0; shard < ShardDatabases.COUNT; shard++) {
        String name = databases.database(shard);
        try (Connection connection = databases.open(shard); Statement statement = connection.createStatement()) {
          for (int table = 0; table < 4; table++) {
            String orders = "orders_" + table;
            assertThatCode(() -> statement.executeQuery("SELECT probe FROM " + orders + " WHERE 1 = 0").close())
                .as(name + "." + orders).doesNotThrowAnyException();
          }
        }
      }
      JdbcClient main = node.getBean(JdbcClient.class);
      assertHasProbe(main, "items");
      assertHasProbe(main, "users");
    }
  }

  private static ConfigurableApplicationContext start(List<String> arguments, String... profiles) {
    List<String> args = new ArrayList<>(arguments);
    args.add("--server.port=0");
    args.add("--bazaar.demo.enabled=false");
    args.add(PROBE_ROOTS);
    return new SpringApplicationBuilder(BazaarApplication.class).profiles(profiles).run(args.toArray(String[]::new));
  }

  private static void assertHasProbe(JdbcClient database, String table) {
    assertThatCode(() -> database.sql("SELECT probe FROM " + table + " WHERE 1 = 0").query().listOfRows())
        .as(table).doesNotThrowAnyException();
  }
}
