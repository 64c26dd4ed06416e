package com.bazaar.catalog.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

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
import java.util.List;
import java.util.Optional;
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
      "id, title, description, price_amount, price_currency, category_id, updated_at";
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

  /** A row of the items table. */
  record Row(
      long id, String title, String description, Money price, long categoryId, Instant updatedAt) {}

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

  List<Row> newest(Optional<Long> categoryId, PageSpec page) {
    if (categoryId.isPresent()) {
      return reads.read(
          db -> db.sql("SELECT " + COLUMNS + " FROM items WHERE category_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
              .params(categoryId.get(), page.size(), page.offset())
              .query(Items::row)
              .list());
    }
    return reads.read(
        db -> db.sql("SELECT " + COLUMNS + " FROM items ORDER BY id DESC LIMIT ? OFFSET ?")
            .params(page.size(), page.offset())
            .query(Items::row)
            .list());
  }

  long count(Optional<Long> categoryId) {
    if (categoryId.isPresent()) {
      return reads.read(
          db -> db.sql("SELECT COUNT(*) FROM items WHERE category_id = ?")
              .param(categoryId.get())
              .query(Long.class)
              .single());
    }
    return reads.read(db -> db.sql("SELECT COUNT(*) FROM items").query(Long.class).single());
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
        UtcColumns.instant(rs, "updated_at"));
  }
}
