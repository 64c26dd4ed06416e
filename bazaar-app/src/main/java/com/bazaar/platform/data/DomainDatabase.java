package com.bazaar.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where a business domain's tables live (stage 8, vertical split): the main database
 * (default), or the domain's own database when {@code bazaar.datasource.<domain>.url} is set —
 * its own Hikari pool named after the domain, its own Flyway run over {@code db/<domain>} and
 * its own transaction manager.
 *
 * <p>Deliberately neither a {@code DataSource} nor a transaction manager bean: Spring Boot
 * would then back off its own, and the main database (= trade: Flyway over db/migration, the
 * transaction manager of every plain {@code @Transactional}, the event publication registry)
 * must stay exactly as in the single-database layout. A domain's repositories therefore take
 * {@link #jdbc()} and run their transactions through {@link #inTransaction}, which is the main
 * transaction manager's when the domain is not separate.
 *
 * <p>With a separate database, the domain's reads go to its own database, or with profile
 * {@code replica} to its copy on the replica server ({@link ReadRoutings}).
 */
public final class DomainDatabase implements AutoCloseable {
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final ReadRouting reads;
  private final Optional<HikariDataSource> ownPool;

  private DomainDatabase(
      DataSource dataSource, PlatformTransactionManager transactions, ReadRouting reads,
      Optional<HikariDataSource> ownPool) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batch = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(transactions);
    this.reads = reads;
    this.ownPool = ownPool;
  }

  /**
   * The domain's database as configured: its own when {@code bazaar.datasource.<domain>.url}
   * is set, else the main one. {@code migratedMain} is the main database once its Flyway ran.
   */
  public static DomainDatabase configured(
      String domain, List<String> tables, Environment environment, DataSource main, JdbcClient migratedMain,
      PlatformTransactionManager mainTransactions, ReadRoutings reads) {
    DomainDatabaseProperties properties = DomainDatabaseProperties.of(environment, domain);
    return properties.separate()
        ? separate(domain, properties, migratedMain, tables, reads)
        : shared(main, mainTransactions, reads.main());
  }

  /** The domain's tables stay in the main database, with the main routing and transactions. */
  public static DomainDatabase shared(DataSource main, PlatformTransactionManager mainTransactions, ReadRouting reads) {
    return new DomainDatabase(main, mainTransactions, reads, Optional.empty());
  }

  /**
   * The domain's own database, migrated from {@code db/<domain>}. The empty copies of its
   * tables that the main database's V1 migration created are dropped there, so no code can
   * reach them by mistake; copies that hold rows stop the start-up instead: that data has to
   * be moved (bin/migrate) before the split layout may serve, or it would silently vanish.
   */
  public static DomainDatabase separate(
      String domain, DomainDatabaseProperties properties, JdbcClient main, List<String> tables, ReadRoutings reads) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName(domain);
    pool.setJdbcUrl(properties.url());
    pool.setUsername(properties.username());
    pool.setPassword(properties.password());
    pool.setMaximumPoolSize(properties.maximumPoolSize());
    pool.setMinimumIdle(properties.minimumIdle());
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/" + domain).load().migrate();
      tables.forEach(table -> dropEmptyCopy(main, domain, table));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new DomainDatabase(
        pool, new JdbcTransactionManager(pool), reads.forDomain(domain, JdbcClient.create(pool), properties.replicaUrl()),
        Optional.of(pool));
  }

  private static void dropEmptyCopy(JdbcClient main, String domain, String table) {
    boolean exists = main.sql("SELECT COUNT(*) FROM information_schema.tables"
            + " WHERE table_schema = DATABASE() AND table_name = ?")
        .param(table).query(Long.class).single() > 0;
    if (!exists) {
      return;
    }
    if (main.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single() > 0) {
      throw new IllegalStateException("table " + table + " of the " + domain + " domain still holds rows in the"
          + " main database: move them into the " + domain + " database first (bin/migrate, docs/data-tier.md)");
    }
    main.sql("DROP TABLE IF EXISTS " + table).update();
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /** For JDBC batches, which JdbcClient does not offer. */
  public JdbcTemplate batch() {
    return batch;
  }

  /** Read-only queries, routed (a replica in the non-split layout with profile replica). */
  public ReadRouting reads() {
    return reads;
  }

  /** One local transaction on this database; joins the caller's transaction on it, if any. */
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  public boolean separate() {
    return ownPool.isPresent();
  }

  /** The domain's own pool, when it has one: what the health check probes. */
  Optional<HikariDataSource> ownPool() {
    return ownPool;
  }

  @Override
  public void close() {
    ownPool.ifPresent(HikariDataSource::close);
  }
}
