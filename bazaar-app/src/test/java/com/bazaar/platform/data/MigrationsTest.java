package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Databases built before the per-module migrations keep working: their tables are there, their
 * history is the old {@code flyway_schema_history} (or none, for shard tables), and only what
 * came after the old scripts runs on them.
 */
class MigrationsTest {
  private final JdbcDataSource database = new JdbcDataSource();
  private final JdbcClient jdbc;

  MigrationsTest() {
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE");
    jdbc = JdbcClient.create(database);
  }

  @AfterEach
  void close() {
    jdbc.sql("SHUTDOWN").update();
  }

  @Test
  void aFreshDatabaseGetsEveryTable() {
    Migrations.migrate(database, Schema.PARTS, "", List.of("db"));

    Schema.PARTS.forEach(part -> part.tables().forEach(table -> assertThat(Migrations.exists(database, table))
        .as(table).isTrue()));
  }

  @Test
  void aSingleDatabaseOfTheOldScriptsIsBaselinedAndGetsOnlyWhatCameAfter() {
    oldSingleDatabase(14);
    jdbc.sql("INSERT INTO users (id, username, username_key, email, password_hash, roles, created_at)"
        + " VALUES (1, 'kept', 'kept', 'k@example.com', 'x', 'USER', CURRENT_TIMESTAMP)").update();

    Migrations.migrate(database, Schema.PARTS, "", List.of("db"));

    assertThat(jdbc.sql("SELECT username FROM users").query(String.class).list()).containsExactly("kept");
    assertThat(Migrations.exists(database, "order_id_map")).isTrue();
    List<String> applied = jdbc.sql(
            "SELECT version FROM schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
        .query(String.class).list();
    // the baseline, then only what came after it: V12 and whatever later migrations exist
    assertThat(applied.get(0)).isEqualTo(Migrations.CONSOLIDATED);
    assertThat(applied.subList(1, applied.size())).contains("12")
        .allMatch(version -> Integer.parseInt(version) > Integer.parseInt(Migrations.CONSOLIDATED));
  }

  @Test
  void anOldHistoryThatStoppedShortIsRefused() {
    oldSingleDatabase(13);

    assertThatThrownBy(() -> Migrations.migrate(database, Schema.PARTS, "", List.of("db")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stops at V13");
  }

  @Test
  void shardTablesMadeWithoutHistoryAreBaselinedAndNewTablesMigrated() {
    // Made by a release before issue 12, so as the order rows' scripts up to CONSOLIDATED make them
    // (V5 is their last one there); a later change to them, V18 say, the baselined history must still run.
    Flyway.configure().dataSource(database).locations("classpath:db/order/rows").table("made_at_start_up")
        .target("5").placeholders(java.util.Map.of("suffix", "_0")).load().migrate();
    jdbc.sql("DROP TABLE made_at_start_up").update();

    for (int i = 0; i < 2; i++) {
      Migrations.migrate(database, List.of(Schema.ORDER_ROWS), "_" + i, List.of("db"));
    }

    // Baselined at CONSOLIDATED, then the order rows' later scripts (V18: the delivery address) ran.
    assertThat(jdbc.sql("SELECT version FROM schema_history_0 WHERE version IS NOT NULL").query(String.class).list())
        .startsWith(Migrations.CONSOLIDATED).contains("18");
    assertThat(Migrations.exists(database, "orders_1")).isTrue();
    assertThat(Migrations.exists(database, "order_lines_1")).isTrue();
    for (String orders : List.of("orders_0", "orders_1")) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = '" + orders
          + "' AND LOWER(COLUMN_NAME) = 'ship_recipient'").query(Long.class).single()).as(orders).isEqualTo(1);
    }
  }

  /**
   * A script outside the declared folders would never run (a merge that brings back {@code
   * db/migration}, say); two scripts with one version would stop the single database.
   */
  @Test
  void everyScriptIsInADeclaredFolderWithAVersionOfItsOwn() throws IOException {
    Path root = Path.of("src/main/resources/db");
    List<Path> folders = Schema.PARTS.stream().map(part -> root.resolve(part.path())).toList();
    Set<String> versions = new HashSet<>();
    try (Stream<Path> scripts = Files.walk(root)) {
      for (Path script : scripts.filter(Files::isRegularFile).toList()) {
        assertThat(folders).as(script.toString()).contains(script.getParent());
        String version = script.getFileName().toString().replaceFirst("__.*", "");
        assertThat(versions.add(version)).as(script + ": version " + version + " taken").isTrue();
      }
    }
  }

  /**
   * The schema the old db/migration scripts built, with their history: the same tables (V1–V11
   * here build exactly them), recorded as V1 "schema" … V{@code last}.
   */
  private void oldSingleDatabase(int last) {
    Flyway.configure().dataSource(database).table("flyway_schema_history").target(Migrations.CONSOLIDATED)
        .locations(Schema.PARTS.stream().map(part -> "classpath:db/" + part.path()).toArray(String[]::new))
        .placeholders(java.util.Map.of("suffix", "")).load().migrate();
    jdbc.sql("UPDATE flyway_schema_history SET description = 'schema' WHERE version = '1'").update();
    jdbc.sql("UPDATE flyway_schema_history SET version = ? WHERE version = ?")
        .params(Integer.toString(last), Migrations.CONSOLIDATED).update();
  }
}
