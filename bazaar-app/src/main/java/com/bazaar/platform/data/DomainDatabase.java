package com.bazaar.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's database as the {@link DataLayout} gives it: the main database (default), or the
 * module's own (stage 8, vertical split) with its own Hikari pool and transaction manager.
 *
 * <p>Deliberately neither a {@code DataSource} nor a transaction manager bean: Spring Boot
 * would then back off its own, and the main database (the transaction manager of every plain
 * {@code @Transactional}, the event publication registry) must stay exactly as in the
 * single-database layout. A module's repositories therefore take {@link #jdbc()} and run their
 * transactions through {@link #inTransaction}, which is the main transaction manager's when the
 * module has no database of its own.
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

  static DomainDatabase of(
      DataSource dataSource, PlatformTransactionManager transactions, ReadRouting reads,
      Optional<HikariDataSource> ownPool) {
    return new DomainDatabase(dataSource, transactions, reads, ownPool);
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /** For JDBC batches, which JdbcClient does not offer. */
  public JdbcTemplate batch() {
    return batch;
  }

  /** Read-only queries, routed (to a replica with profile replica, see {@link ReadRoutings}). */
  public ReadRouting reads() {
    return reads;
  }

  /** One local transaction on this database; joins the caller's transaction on it, if any. */
  public <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  /** The module's own pool, when it has one: what the health check probes. */
  Optional<HikariDataSource> ownPool() {
    return ownPool;
  }

  @Override
  public void close() {
    ownPool.ifPresent(HikariDataSource::close);
  }
}
