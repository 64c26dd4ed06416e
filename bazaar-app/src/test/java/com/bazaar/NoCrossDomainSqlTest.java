package com.bazaar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
  /**
   * Table → the database that holds it in the split layout: the module's own, or the main
   * (trade) one; the platform's tables are the platform's alone. Read from the one declaration
   * of the tables ({@link Schema}): a new table must be declared there.
   */
  static final Map<String, String> DOMAIN_OF_TABLE = Stream.concat(Schema.PARTS.stream(), Stream.of(Schema.LIBRARY_TABLES))
      .flatMap(part -> part.tables().stream().map(table -> Map.entry(table, domainOf(part.module()))))
      .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  /** Module (top-level package) → the domain database it may query. */
  static final Map<String, String> DOMAIN_OF_MODULE = Schema.PARTS.stream().map(Schema.Part::module).distinct()
      .collect(Collectors.toMap(module -> module, NoCrossDomainSqlTest::domainOf));

  private static String domainOf(String module) {
    return Schema.PARTS.stream()
        .filter(part -> part.module().equals(module) && part.placement() == Schema.Placement.OWN_DATABASE)
        .findFirst().map(Schema.Part::module)
        .orElse(module.equals("platform") ? "platform" : "trade");
  }

  private static final Path MAIN = Path.of("src/main");
  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?`?(\\w+)");
  private static final Pattern TABLE_REFERENCE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+`?(\\w+)");

  @Test
  void everyTableBelongsToADomain() throws IOException {
    Set<String> created = new TreeSet<>();
    try (Stream<Path> migrations = Files.walk(MAIN.resolve("resources/db"))) {
      for (Path migration : migrations.filter(Files::isRegularFile).toList()) {
        Matcher create = CREATE_TABLE.matcher(Files.readString(migration).replace("${suffix}", ""));
        while (create.find()) {
          created.add(create.group(1).toLowerCase());
        }
      }
    }
    assertThat(DOMAIN_OF_TABLE.keySet()).containsAll(created);
  }

  /**
   * Each part's migrations ({@code db/<module>/…}) create that part's tables only, so every
   * database of a layout gets the tables that live there and no others.
   */
  @Test
  void aDomainDatabaseIsMigratedWithItsOwnTablesOnly() throws IOException {
    for (Schema.Part part : Schema.PARTS) {
      try (Stream<Path> migrations = Files.walk(MAIN.resolve("resources/db/" + part.path()))) {
        for (Path migration : migrations.filter(Files::isRegularFile).toList()) {
          Matcher create = CREATE_TABLE.matcher(Files.readString(migration).replace("${suffix}", ""));
          while (create.find()) {
            assertThat(part.tables()).as(migration.toString()).contains(create.group(1).toLowerCase());
            assertThat(DOMAIN_OF_TABLE.get(create.group(1).toLowerCase())).as(migration.toString())
                .isEqualTo(domainOf(part.module()));
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
