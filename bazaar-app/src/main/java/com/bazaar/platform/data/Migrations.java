package com.bazaar.platform.data;

import com.bazaar.platform.data.Schema.Part;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the migrations of the parts that live in one database (or, for a shard, in one of its
 * physical tables): one Flyway run over their {@code db/<path>} folders, with the history in
 * {@code schema_history<suffix>} and {@code ${suffix}} in the scripts replaced by the table
 * suffix ({@code ""}, or {@code _0}, {@code _1}, … in a shard database).
 *
 * <p>Versions are one sequence across all modules, so the single database, which runs every
 * part, applies them in order with one history; a split or shard database runs a subset, and
 * the gaps are harmless.
 *
 * <p>Databases built before the per-module migrations (issue 12) have their tables but no
 * {@code schema_history}: the old single {@code db/migration} history ({@code
 * flyway_schema_history}, V1–V14), the old domain histories ({@code db/user} V1–V2, {@code
 * db/catalog} V1), and shard tables made at start-up without any history. V1–V{@value
 * #CONSOLIDATED} here build exactly the schema those reached, so such a database is baselined
 * at V{@value #CONSOLIDATED} and runs only what came after. An old history that had not reached
 * its last version is refused: the older release must finish its own migrations first.
 */
final class Migrations {
  /** The last version of the schema as the scripts before issue 12 left it. */
  static final String CONSOLIDATED = "11";
  private static final String LEGACY_HISTORY = "flyway_schema_history";
  /** The old histories, told apart by their V1, and the version each ended at. */
  private static final Map<String, Integer> LEGACY_LAST_VERSION = Map.of("schema", 14, "users", 2, "catalog", 1);

  private Migrations() {}

  /** Migrates {@code parts} in {@code database}; {@code roots} are the folders that hold {@code <path>}s. */
  static void migrate(DataSource database, List<Part> parts, String suffix, List<String> roots) {
    if (parts.isEmpty()) {
      return;
    }
    String history = "schema_history" + suffix;
    boolean builtBefore = !exists(database, history)
        && parts.stream().flatMap(p -> p.tables().stream()).anyMatch(table -> exists(database, table + suffix));
    if (builtBefore && exists(database, LEGACY_HISTORY)) {
      requireFinished(JdbcClient.create(database));
    }
    Flyway.configure()
        .dataSource(database)
        .locations(parts.stream()
            .flatMap(part -> roots.stream().map(root -> "classpath:" + root + "/" + part.path()))
            .toArray(String[]::new))
        .table(history)
        .placeholders(Map.of("suffix", suffix))
        // Another part's tables may be here already (one database runs several histories only
        // in a shard, one per table; the main database has one for all): baseline at 0 then
        // applies everything, at CONSOLIDATED only what came after the old scripts.
        .baselineOnMigrate(true)
        .baselineVersion(builtBefore ? CONSOLIDATED : "0")
        .baselineDescription(builtBefore ? "schema of the scripts before issue 12" : "empty")
        // Applied scripts this run does not know belong to parts the layout now keeps elsewhere
        // (a single database opened as the main database of a split layout): not an error, whether
        // their versions lie below this run's newest ("missing") or above it ("future").
        .ignoreMigrationPatterns("*:missing", "*:future")
        .load()
        .migrate();
  }

  private static void requireFinished(JdbcClient database) {
    List<Map<String, Object>> rows = database.sql("SELECT version, description, success FROM " + LEGACY_HISTORY
        + " WHERE version IS NOT NULL").query().listOfRows();
    String first = rows.stream().filter(row -> "1".equals(String.valueOf(row.get("version"))))
        .map(row -> String.valueOf(row.get("description"))).findFirst().orElse("");
    int last = rows.stream().mapToInt(row -> Integer.parseInt(String.valueOf(row.get("version")))).max().orElse(0);
    boolean failed = rows.stream().anyMatch(row -> !isTrue(row.get("success")));
    Integer expected = LEGACY_LAST_VERSION.get(first.toLowerCase());
    if (expected == null || last < expected || failed) {
      throw new IllegalStateException(LEGACY_HISTORY + " stops at V" + last + (failed ? " with a failed migration" : "")
          + " (" + first + "): start the Bazaar release before issue 12 on this database once, so its own"
          + " migrations finish, then this one (docs/architecture.md, \"Data layout\")");
    }
  }

  private static boolean isTrue(@Nullable Object value) {
    return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
  }

  static boolean exists(DataSource database, String table) {
    try (Connection connection = database.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String escape = meta.getSearchStringEscape();
      String pattern = escape == null ? table : table.replace("_", escape + "_");
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
        while (tables.next()) {
          if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            return true;
          }
        }
        return false;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the tables of the database", e);
    }
  }
}
