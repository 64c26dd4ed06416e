package com.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Stage 8 (vertical split) holds only if no SQL reaches across business domains: each table
 * belongs to one domain database, and a source file touches the tables of its own module's
 * domain only — so a join across domains cannot exist, and cross-domain reads go through the
 * owning module's API. SQL is written with upper-case keywords in this code base, which is
 * what tells a statement from prose here.
 */
class NoCrossDomainSqlTest {
  /** Table → domain database. A new table must be given a domain here. */
  static final Map<String, String> DOMAIN_OF_TABLE =
      Map.ofEntries(
          Map.entry("users", "user"),
          Map.entry("categories", "catalog"),
          Map.entry("items", "catalog"),
          Map.entry("stock", "trade"),
          Map.entry("cart_lines", "trade"),
          Map.entry("orders", "trade"),
          Map.entry("order_lines", "trade"),
          Map.entry("idempotency_keys", "trade"),
          Map.entry("payments", "trade"),
          Map.entry("notifications", "trade"),
          Map.entry("item_sales", "trade"),
          Map.entry("order_reservations", "trade"),
          Map.entry("order_buyer_guards", "trade"),
          Map.entry("flash_sales", "trade"),
          Map.entry("flash_tickets", "trade"),
          Map.entry("worker_id_leases", "platform"),
          Map.entry("processed_messages", "platform"),
          Map.entry("event_publication", "platform"));

  /** Module (top-level package) → the domain database it may query. */
  static final Map<String, String> DOMAIN_OF_MODULE =
      Map.of(
          "user", "user",
          "catalog", "catalog",
          "inventory", "trade",
          "cart", "trade",
          "order", "trade",
          "payment", "trade",
          "notification", "trade",
          "sales", "trade",
          "flashsale", "trade",
          "platform", "platform");

  private static final Path MAIN = Path.of("src/main");
  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?`?(\\w+)");
  private static final Pattern TABLE_REFERENCE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+`?(\\w+)");

  @Test
  void everyTableBelongsToADomain() throws IOException {
    Set<String> created = new TreeSet<>();
    try (Stream<Path> migrations = Files.walk(MAIN.resolve("resources/db/migration"))) {
      for (Path migration : migrations.filter(Files::isRegularFile).toList()) {
        Matcher create = CREATE_TABLE.matcher(Files.readString(migration));
        while (create.find()) {
          created.add(create.group(1).toLowerCase());
        }
      }
    }
    assertThat(DOMAIN_OF_TABLE.keySet()).containsAll(created);
  }

  /** The split layout's own migrations ({@code db/<domain>}) create their domain's tables only. */
  @Test
  void aDomainDatabaseIsMigratedWithItsOwnTablesOnly() throws IOException {
    for (String domain : List.of("user", "catalog")) {
      try (Stream<Path> migrations = Files.walk(MAIN.resolve("resources/db/" + domain))) {
        for (Path migration : migrations.filter(Files::isRegularFile).toList()) {
          Matcher create = CREATE_TABLE.matcher(Files.readString(migration));
          while (create.find()) {
            assertThat(DOMAIN_OF_TABLE.get(create.group(1).toLowerCase())).as(migration.toString()).isEqualTo(domain);
          }
        }
      }
    }
  }

  @Test
  void sourceFilesQueryOnlyTheTablesOfTheirOwnModulesDomain() throws IOException {
    Map<String, Set<String>> strayTables = new TreeMap<>();
    try (Stream<Path> sources = Files.walk(MAIN.resolve("java/com/bazaar"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String module = MAIN.resolve("java/com/bazaar").relativize(source).getName(0).toString();
        Matcher reference = TABLE_REFERENCE.matcher(Files.readString(source));
        while (reference.find()) {
          String table = reference.group(1).toLowerCase();
          if (DOMAIN_OF_TABLE.containsKey(table) && !DOMAIN_OF_TABLE.get(table).equals(DOMAIN_OF_MODULE.get(module))) {
            strayTables.computeIfAbsent(source.getFileName().toString(), f -> new TreeSet<>()).add(table);
          }
        }
      }
    }
    assertThat(strayTables).as("source file → tables of another domain it queries").isEmpty();
  }
}
