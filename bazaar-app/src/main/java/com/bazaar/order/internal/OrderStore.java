package com.bazaar.order.internal;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the {@code orders} and {@code order_lines} rows live: the application's own database
 * (the default), or the ShardingSphere data source over the order shards. Deliberately not a
 * DataSource or JdbcClient bean, so the application's auto-configured ones stay as they are.
 *
 * <p>When the store shares the application's transaction manager, the order module's
 * multi-step flows join one local transaction; when it does not, each step commits on its
 * own and the reservation rows in the application database make the flow recoverable
 * ({@link OrderPlacement}, {@link OrderSettlement}, docs/sharding.md).
 */
final class OrderStore implements AutoCloseable {
  private final JdbcClient jdbc;
  private final TransactionTemplate writing;
  private final TransactionTemplate reading;
  private final AutoCloseable resources;

  private OrderStore(JdbcClient jdbc, PlatformTransactionManager transactions, AutoCloseable resources) {
    this.jdbc = jdbc;
    this.writing = new TransactionTemplate(transactions);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
    this.resources = resources;
  }

  /** Orders in the application's database, inside its transactions. */
  static OrderStore shared(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return new OrderStore(jdbc, transactions, () -> {});
  }

  /** Orders in a data source of their own (the shards), with their own transactions. */
  static OrderStore separate(DataSource dataSource, AutoCloseable resources) {
    return new OrderStore(JdbcClient.create(dataSource), new JdbcTransactionManager(dataSource), resources);
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  TransactionTemplate writing() {
    return writing;
  }

  TransactionTemplate reading() {
    return reading;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
