package com.bazaar.support;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.platform.data.DomainDatabaseProperties;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.platform.id.ItemId;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TestItems} of the app in the test's JVM: items with a price and a stock put straight into
 * the tables, so trade tests need neither the admin API nor any demo item that other tests might
 * buy. Items go to the catalog's own database when it has one (profile split), stock to the main
 * (trade) one.
 */
@Component
final class JdbcTestItems implements TestItems {
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate announcing;
  private final JdbcClient catalog;
  private final IdGenerator ids;
  private final Clock clock;

  JdbcTestItems(JdbcClient jdbc, Environment environment, IdGenerator ids, Clock clock, ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.events = events;
    this.announcing = new TransactionTemplate(transactions);
    DomainDatabaseProperties catalogDatabase = DomainDatabaseProperties.of(environment, "catalog");
    this.catalog = catalogDatabase.separate()
        ? JdbcClient.create(new DriverManagerDataSource(
            catalogDatabase.url(), catalogDatabase.username(), catalogDatabase.password()))
        : jdbc;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public long create(String title, long priceAmount, long stock) {
    long id = ids.nextId();
    var now = toColumn(clock.instant());
    catalog.sql(
            """
            INSERT INTO items (id, title, description, price_amount, price_currency, category_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'CNY', 0, ?, ?)""")
        .params(id, title, "test item " + title, priceAmount, now, now)
        .update();
    jdbc.sql("INSERT INTO stock (item_id, available, received, updated_at) VALUES (?, ?, ?, ?)")
        .params(id, stock, stock, now)
        .update();
    announce(id);
    return id;
  }

  @Override
  public long stockOf(long itemId) {
    return jdbc.sql("SELECT available FROM stock WHERE item_id = ?").param(itemId).query(Long.class).single();
  }

  @Override
  public void delete(long itemId) {
    catalog.sql("DELETE FROM items WHERE id = ?").param(itemId).update();
    announce(itemId);
  }

  /**
   * Rows written behind the app's back are announced as the catalog announces its own writes:
   * in a transaction on the main database, so the event's publication is recorded and completed
   * by its listeners after the commit (outside one it would stay in the outbox), and the node's
   * caches (item reads, the storefront's kept item grids) drop what they hold.
   */
  private void announce(long itemId) {
    announcing.executeWithoutResult(status -> events.publishEvent(new ItemChanged(ItemId.of(itemId))));
  }

  @Override
  public long paymentsOf(long orderId) {
    return jdbc.sql("SELECT COUNT(*) FROM payments WHERE order_id = ?").param(orderId).query(Long.class).single();
  }
}
