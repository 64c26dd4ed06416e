package com.bazaar.catalog.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.data.ReadRouting;
import com.bazaar.platform.time.UtcColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items table: what an item is, without its stock (the trade domain owns that, so it is
 * never joined here). Newest first means highest id first: ids are time-ordered. Reads go
 * through {@link ReadRouting} (a replica when there is one); writes declare themselves to it.
 * Lives in the catalog's database ({@link DataLayout}).
 */
@Repository
class Items {
  private static final String COLUMNS =
      "id, title, description, price_amount, price_currency, category_id, updated_at, image";
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ReadRouting reads;

  Items(DataLayout layout) {
    DomainDatabase catalog = layout.of("catalog");
    this.jdbc = catalog.jdbc();
    this.batch = catalog.batch();
    this.reads = catalog.reads();
  }

  /** A row of the items table; {@code image} names its uploaded picture, if it has one. */
  record Row(
      long id,
      String title,
      String description,
      Money price,
      long categoryId,
      Instant updatedAt,
      @Nullable String image) {

    Row(long id, String title, String description, Money price, long categoryId, Instant updatedAt) {
      this(id, title, description, price, categoryId, updatedAt, null);
    }
  }

  Optional<Row> find(long id) {
    return reads.read(
        db -> db.sql("SELECT " + COLUMNS + " FROM items WHERE id = ?").param(id).query(Items::row).optional());
  }

  List<Row> findAll(List<Long> ids) {
    List<Row> rows = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
      rows.addAll(
          reads.read(
              db -> db.sql("SELECT " + COLUMNS + " FROM items WHERE id IN (:ids)")
                  .param("ids", chunk)
                  .query(Items::row)
                  .list()));
    }
    return rows;
  }

  /**
   * A page of the items matching, in the order asked (never {@link ItemOrder#SALES}: the sales
   * are not in this database); ties newest first. The price orders read the
   * (category_id, price_amount) and (price_amount) indexes of V19.
   */
  List<Row> page(Optional<Long> categoryId, PriceRange price, ItemOrder order, PageSpec page) {
    Filter filter = Filter.of(categoryId, price);
    String orderBy = switch (order) {
      case PRICE_ASC -> "price_amount ASC, id DESC";
      case PRICE_DESC -> "price_amount DESC, id DESC";
      case NEWEST -> "id DESC";
      case SALES -> throw new IllegalArgumentException("the sales order is made in memory");
    };
    List<Object> params = new ArrayList<>(filter.params());
    params.add(page.size());
    params.add(page.offset());
    return reads.read(
        db -> db.sql("SELECT " + COLUMNS + " FROM items" + filter.where() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
            .params(params)
            .query(Items::row)
            .list());
  }

  /** The ids of the newest items matching, at most {@code limit}. */
  List<Long> newestIds(Optional<Long> categoryId, PriceRange price, int limit) {
    Filter filter = Filter.of(categoryId, price);
    List<Object> params = new ArrayList<>(filter.params());
    params.add(limit);
    return reads.read(
        db -> db.sql("SELECT id FROM items" + filter.where() + " ORDER BY id DESC LIMIT ?")
            .params(params)
            .query(Long.class)
            .list());
  }

  long count(Optional<Long> categoryId, PriceRange price) {
    Filter filter = Filter.of(categoryId, price);
    return reads.read(
        db -> db.sql("SELECT COUNT(*) FROM items" + filter.where()).params(filter.params()).query(Long.class).single());
  }

  /** The price (minor units) of each of these items that exists. */
  Map<Long, Long> prices(List<Long> ids) {
    Map<Long, Long> prices = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
      reads.read(
          db -> db.sql("SELECT id, price_amount FROM items WHERE id IN (:ids)")
              .param("ids", chunk)
              .query((rs, n) -> prices.put(rs.getLong(1), rs.getLong(2)))
              .list());
    }
    return prices;
  }

  /** Names the item's picture; false if there is no such item. */
  boolean attachImage(long id, String image, Instant now) {
    reads.markWritten();
    return jdbc.sql("UPDATE items SET image = ?, updated_at = ? WHERE id = ?")
            .params(image, toColumn(now), id)
            .update()
        > 0;
  }

  /** A WHERE clause (with its leading space, or empty) and its parameters, in order. */
  private record Filter(String where, List<Object> params) {
    static Filter of(Optional<Long> categoryId, PriceRange price) {
      List<String> conditions = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      categoryId.ifPresent(id -> {
        conditions.add("category_id = ?");
        params.add(id);
      });
      if (price.min() > 0) {
        conditions.add("price_amount >= ?");
        params.add(price.min());
      }
      if (price.max() < Long.MAX_VALUE) {
        conditions.add("price_amount <= ?");
        params.add(price.max());
      }
      return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }
  }

  /** The next rows by ascending id after {@code afterId}: keyset paging, stable under inserts. */
  List<Row> after(long afterId, int limit) {
    return reads.read(
        db -> db.sql("SELECT " + COLUMNS + " FROM items WHERE id > ? ORDER BY id LIMIT ?")
            .params(afterId, limit)
            .query(Items::row)
            .list());
  }

  /** On the primary: seeding must not trust a replica that has not caught up. */
  boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM items").query(Long.class).single() == 0;
  }

  void insert(Row row, Instant createdAt) {
    reads.markWritten();
    jdbc.sql(
            """
            INSERT INTO items
              (id, title, description, price_amount, price_currency, category_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(row.id(), row.title(), row.description(), row.price().amount(), row.price().currency(),
            row.categoryId(), toColumn(createdAt), toColumn(row.updatedAt()))
        .update();
  }

  void insertAll(List<Row> rows) {
    reads.markWritten();
    batch.batchUpdate(
        """
        INSERT INTO items
          (id, title, description, price_amount, price_currency, category_id, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
        BATCH,
        (PreparedStatement ps, Row row) -> {
          ps.setLong(1, row.id());
          ps.setString(2, row.title());
          ps.setString(3, row.description());
          ps.setLong(4, row.price().amount());
          ps.setString(5, row.price().currency());
          ps.setLong(6, row.categoryId());
          ps.setObject(7, toColumn(row.updatedAt()));
          ps.setObject(8, toColumn(row.updatedAt()));
        });
  }

  /** Replaces what an admin may change; false if there is no such item. */
  boolean update(Row row) {
    reads.markWritten();
    return jdbc.sql(
                """
                UPDATE items SET title = ?, description = ?, price_amount = ?, price_currency = ?,
                  category_id = ?, updated_at = ?
                WHERE id = ?""")
            .params(row.title(), row.description(), row.price().amount(), row.price().currency(),
                row.categoryId(), toColumn(row.updatedAt()), row.id())
            .update()
        > 0;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("description"),
        Money.of(rs.getLong("price_amount"), rs.getString("price_currency")),
        rs.getLong("category_id"),
        UtcColumns.instant(rs, "updated_at"),
        rs.getString("image"));
  }
}
