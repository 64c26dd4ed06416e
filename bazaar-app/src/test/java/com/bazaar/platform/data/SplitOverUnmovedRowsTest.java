package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.BazaarApplication;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A single database switched to the split layout without moving its data: the users are still
 * in the main database and the new user database is empty. The node refuses to start, naming the
 * table and the way out, instead of serving a shop without its users. (The test support's
 * MariaDbTestDatabase drops the throw-away databases as the failed context closes.)
 */
@RealEngines
class SplitOverUnmovedRowsTest {
  @Test
  void aMainDatabaseThatStillHoldsUserRowsStopsTheSplitStartUp() {
    String database = "bazaar_test_" + UUID.randomUUID().toString().replace("-", "");
    JdbcClient server = JdbcClient.create(new DriverManagerDataSource(ShardDatabases.url(""), "root", ""));
    server.sql("CREATE DATABASE " + database).update();
    try {
      DriverManagerDataSource main = new DriverManagerDataSource(ShardDatabases.url(database), "root", "");
      Migrations.migrate(main, Schema.PARTS, "", List.of("db"));
      JdbcClient.create(main).sql("INSERT INTO users (id, username, username_key, email, password_hash, roles,"
          + " created_at) VALUES (1, 'kept', 'kept', 'k@example.com', 'x', 'USER', NOW())").update();

      assertThatThrownBy(() -> new SpringApplicationBuilder(BazaarApplication.class)
              .profiles("test", "mariadb", "split")
              .run("--server.port=0", "--bazaar.demo.enabled=false", "--bazaar.mariadb.database=" + database)
              .close())
          .hasStackTraceContaining("table users of the user module still holds rows in the main database")
          .hasStackTraceContaining("bin/migrate");
    } finally {
      for (String name : List.of(database, database + "_user", database + "_catalog")) {
        server.sql("DROP DATABASE IF EXISTS `" + name + "`").update();
      }
    }
  }
}
