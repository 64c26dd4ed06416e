package com.bazaar.flashsale.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.flashsale.FlashSale;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.time.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code flash_sales} table. */
@Repository
class Sales {
  private static final String COLUMNS =
      "id, item_id, price_amount, currency, stock, limit_per_user, starts_at, ends_at";
  private final JdbcClient jdbc;

  Sales(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(FlashSale sale) {
    jdbc.sql("INSERT INTO flash_sales (" + COLUMNS + ", sold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(sale.id().value(), sale.itemId().value(), sale.price().amount(), sale.price().currency(), sale.stock(),
            sale.limitPerUser(), toColumn(sale.startsAt()), toColumn(sale.endsAt()))
        .update();
  }

  Optional<FlashSale> find(long saleId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM flash_sales WHERE id = ?").param(saleId).query(Sales::sale).optional();
  }

  List<FlashSale> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM flash_sales ORDER BY id DESC").query(Sales::sale).list();
  }

  List<FlashSale> endingAfter(Instant now) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM flash_sales WHERE ends_at > ?")
        .param(toColumn(now))
        .query(Sales::sale)
        .list();
  }

  /** The naive mode's counter: one conditional update, the row lock serializing all buyers. */
  boolean takeSold(long saleId, int quantity) {
    return jdbc.sql("UPDATE flash_sales SET sold = sold + ? WHERE id = ? AND sold + ? <= stock")
        .params(quantity, saleId, quantity)
        .update() == 1;
  }

  void returnSold(long saleId, int quantity) {
    jdbc.sql("UPDATE flash_sales SET sold = sold - ? WHERE id = ?").params(quantity, saleId).update();
  }

  long sold(long saleId) {
    return jdbc.sql("SELECT sold FROM flash_sales WHERE id = ?").param(saleId).query(Long.class).optional().orElse(0L);
  }

  private static FlashSale sale(ResultSet rs, int row) throws SQLException {
    return new FlashSale(
        SaleId.of(rs.getLong("id")),
        ItemId.of(rs.getLong("item_id")),
        Money.of(rs.getLong("price_amount"), rs.getString("currency")),
        rs.getInt("stock"),
        UtcColumns.instant(rs, "starts_at"),
        UtcColumns.instant(rs, "ends_at"),
        rs.getInt("limit_per_user"));
  }
}
