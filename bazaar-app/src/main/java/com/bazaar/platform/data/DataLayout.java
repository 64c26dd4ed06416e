package com.bazaar.platform.data;

import com.bazaar.platform.data.Schema.Part;
import com.bazaar.platform.data.Schema.Placement;
import com.bazaar.platform.services.Deployment.Role;
import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The data layout of this node, read from configuration in one place: single database (the
 * default), per-module databases ({@code bazaar.datasource.<module>.url}, profile {@code split}),
 * sharded order rows ({@code bazaar.order.sharding.enabled}, profile {@code sharding}) and
 * replica reads ({@code bazaar.replica.enabled}, profile {@code replica}, through {@link
 * ReadRoutings}). It places each {@link Schema.Part}, runs its migrations where it lives, and
 * gives each module its {@link DomainDatabase}: JdbcClient, transactions and read routing.
 *
 * <p>The main database is Spring Boot's {@code DataSource}; its migrations run in Spring Boot's
 * Flyway step ({@link DataLayoutConfiguration}), before any bean that uses it. A module's own
 * database is migrated here when it is opened; the order shards are migrated by {@link
 * #migrateShard} when the order module opens them.
 */
@Component
public final class DataLayout implements AutoCloseable {
  private final Map<String, DomainDatabase> databases = new LinkedHashMap<>();
  private final DomainDatabase main;
  private final List<String> roots;
  private final Set<String> modulesAwayFromOutbox;

  DataLayout(Environment environment, DataSource main, PlatformTransactionManager mainTransactions,
      ReadRoutings reads) {
    this.main = DomainDatabase.of(main, mainTransactions, reads.main(), Optional.empty());
    this.roots = migrationRoots(environment);
    this.modulesAwayFromOutbox = modulesAwayFromOutbox(environment);
    try {
      Role role = Role.of(environment);
      for (Part part : Schema.PARTS) {
        if (part.placement() != Placement.OWN_DATABASE || !role.ownsTablesOf(part.module())) {
          continue;
        }
        DomainDatabaseProperties own = DomainDatabaseProperties.of(environment, part.module());
        if (own.separate()) {
          databases.put(part.module(), open(part, own, roots, reads, main));
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The parts whose tables live in the main database in this layout: of a services process, only
   * those of the modules its role owns (docs/services.md, The cut).
   */
  static List<Part> inMainDatabase(Environment environment) {
    boolean sharded = Binder.get(environment).bind("bazaar.order.sharding.enabled", Boolean.class).orElse(false);
    Role role = Role.of(environment);
    return Schema.PARTS.stream().filter(part -> role.ownsTablesOf(part.module())).filter(part -> switch (part.placement()) {
      case MAIN -> true;
      case OWN_DATABASE -> !DomainDatabaseProperties.of(environment, part.module()).separate();
      case SHARDS -> !sharded;
    }).toList();
  }

  /**
   * Whether every table of the module lives in the outbox's database (Spring Modulith's event
   * publication table, which is always in the main one): then one local transaction covers the
   * module's writes and its outbox bookkeeping. Not so for the user and catalog modules in the
   * split layout, nor for the order module when its order rows are sharded. A module without
   * tables of its own (search) writes nothing there: true.
   */
  public boolean sharesOutboxDatabase(String module) {
    return !modulesAwayFromOutbox.contains(module);
  }

  /** The modules with a part that the layout keeps out of the main database, where the outbox is. */
  static Set<String> modulesAwayFromOutbox(Environment environment) {
    if (Schema.LIBRARY_TABLES.placement() != Placement.MAIN) {
      throw new IllegalStateException("the outbox (event_publication) is expected in the main database");
    }
    List<Part> inMain = inMainDatabase(environment);
    Role role = Role.of(environment);
    return Schema.PARTS.stream()
        .filter(part -> role.ownsTablesOf(part.module()) && !inMain.contains(part))
        .map(Part::module)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * {@code bazaar.data.migration-roots}: the classpath folders that hold {@code <module>/…}
   * migrations; {@code db} unless a test adds one of its own.
   */
  static List<String> migrationRoots(Environment environment) {
    return Binder.get(environment).bind("bazaar.data.migration-roots", String[].class)
        .map(List::of).orElse(List.of("db"));
  }

  private static DomainDatabase open(
      Part part, DomainDatabaseProperties properties, List<String> roots, ReadRoutings reads, DataSource main) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName(part.module());
    pool.setJdbcUrl(properties.url());
    pool.setUsername(properties.username());
    pool.setPassword(properties.password());
    pool.setMaximumPoolSize(properties.maximumPoolSize());
    pool.setMinimumIdle(properties.minimumIdle());
    try {
      Migrations.migrate(pool, List.of(part), "", roots);
      part.tables().forEach(table -> requireNoRowsLeftBehind(main, part.module(), table));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return DomainDatabase.of(pool, new JdbcTransactionManager(pool),
        reads.forDomain(part.module(), JdbcClient.create(pool), properties.replicaUrl()), Optional.of(pool));
  }

  /**
   * A single database switched to the split layout without moving its data would serve from an
   * empty module database while the rows sit unused in the main one: refused, they have to be
   * moved first (bin/migrate). Empty copies are left alone: nothing reads them.
   */
  private static void requireNoRowsLeftBehind(DataSource main, String module, String table) {
    if (Migrations.exists(main, table)
        && JdbcClient.create(main).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single() > 0) {
      throw new IllegalStateException("table " + table + " of the " + module + " module still holds rows in the"
          + " main database: move them into the " + module + " database first (bin/migrate, docs/data-tier.md)");
    }
  }

  /** The module's database: its own when the layout gives it one, else the main one. */
  public DomainDatabase of(String module) {
    return databases.getOrDefault(module, main);
  }

  /** The module's own database, if the layout gives it one. */
  public Optional<DomainDatabase> ownDatabaseOf(String module) {
    return Optional.ofNullable(databases.get(module));
  }

  /**
   * Migrates the order rows ({@link Schema#ORDER_ROWS}) in one shard database: each of its
   * {@code tables} physical tables ({@code orders_0}, …) with its own history.
   */
  public void migrateShard(DataSource shard, int tables) {
    migrateShard(shard, tables, roots);
  }

  /** {@link #migrateShard(DataSource, int)} outside an application context (tools, tests). */
  public static void migrateShard(DataSource shard, int tables, List<String> roots) {
    for (int i = 0; i < tables; i++) {
      Migrations.migrate(shard, List.of(Schema.ORDER_ROWS), "_" + i, roots);
    }
  }

  /** Every module with its own database, by module name: for the health check. */
  Map<String, DataSource> ownDataSources() {
    Map<String, DataSource> pools = new TreeMap<>();
    databases.forEach((module, database) -> database.ownPool().ifPresent(pool -> pools.put(module, pool)));
    return pools;
  }

  @Override
  public void close() {
    databases.values().forEach(DomainDatabase::close);
  }
}
