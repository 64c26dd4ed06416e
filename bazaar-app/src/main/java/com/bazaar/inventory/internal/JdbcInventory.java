package com.bazaar.inventory.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.inventory.AlreadyStocked;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.OutOfStock;
import com.bazaar.inventory.StockChanged;
import com.bazaar.inventory.StockLevel;
import com.bazaar.inventory.StockCount;
import com.bazaar.inventory.StockLine;
import com.bazaar.inventory.StockNotFound;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.ItemId;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock as rows of the {@code stock} table. Every take is one conditional UPDATE
 * ({@code ... WHERE available >= ?}): the database's row lock serialises concurrent takers,
 * so the last unit goes to exactly one of them and the level never drops below zero (the
 * table's CHECK constraint is only the last line of defence). Multi-item takes lock rows
 * in ascending item id order so two orders can never deadlock on each other's rows.
 */
@Service
class JdbcInventory implements Inventory {
  private static final Logger log = LoggerFactory.getLogger(JdbcInventory.class);
  /** Bounds the IN list of one query; larger requests are split. */
  private static final int IN_CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JdbcInventory(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void stockNewItem(ItemId itemId, long quantity) {
    requireNotNegative(quantity);
    try {
      jdbc.sql("INSERT INTO stock (item_id, available, received, updated_at) VALUES (?, ?, ?, ?)")
          .params(itemId.value(), quantity, quantity, now())
          .update();
    } catch (DuplicateKeyException stocked) {
      throw new AlreadyStocked(itemId);
    }
    events.publishEvent(new StockChanged(itemId));
  }

  @Override
  @Transactional
  public void stockNewItems(Map<ItemId, Long> quantities) {
    quantities.values().forEach(JdbcInventory::requireNotNegative);
    // Named before the batch, which would only say that some row was there (a race still meets the key).
    available(quantities.keySet()).keySet().stream().findFirst().ifPresent(stocked -> {
      throw new AlreadyStocked(stocked);
    });
    List<Map.Entry<ItemId, Long>> rows = List.copyOf(quantities.entrySet());
    LocalDateTime now = now();
    try {
      insertAll(rows, now);
    } catch (DuplicateKeyException raced) {
      throw new AlreadyStocked(rows.get(0).getKey());
    }
    rows.forEach(row -> events.publishEvent(new StockChanged(row.getKey())));
  }

  private void insertAll(List<Map.Entry<ItemId, Long>> rows, LocalDateTime now) {
    batch.batchUpdate(
        "INSERT INTO stock (item_id, available, received, updated_at) VALUES (?, ?, ?, ?)",
        rows,
        IN_CHUNK,
        (PreparedStatement ps, Map.Entry<ItemId, Long> row) -> {
          ps.setLong(1, row.getKey().value());
          ps.setLong(2, row.getValue());
          ps.setLong(3, row.getValue());
          ps.setObject(4, now);
        });
  }

  /** An item that was never stocked has nothing to sell. */
  @Override
  public long available(ItemId itemId) {
    return jdbc.sql("SELECT available FROM stock WHERE item_id = ?")
        .param(itemId.value())
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  @Override
  public Map<ItemId, Long> available(Collection<ItemId> itemIds) {
    Map<ItemId, Long> levels = new HashMap<>();
    List<Long> ids = itemIds.stream().map(ItemId::value).distinct().toList();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      jdbc.sql("SELECT item_id, available FROM stock WHERE item_id IN (:ids)")
          .param("ids", chunk)
          .query(rs -> {
            levels.put(ItemId.of(rs.getLong("item_id")), rs.getLong("available"));
          });
    }
    return levels;
  }

  /** A range of ix_stock_available, however many items the shop has. */
  @Override
  public List<StockLevel> lowest(long atMost, int limit) {
    return jdbc.sql("SELECT item_id, available FROM stock WHERE available <= ? ORDER BY available, item_id LIMIT ?")
        .params(atMost, limit)
        .query((rs, n) -> new StockLevel(ItemId.of(rs.getLong("item_id")), rs.getLong("available")))
        .list();
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void reserve(List<StockLine> lines) {
    SortedMap<Long, Long> wanted = merged(lines);
    LocalDateTime now = now();
    for (var line : wanted.entrySet()) {
      int taken =
          jdbc.sql(
                  """
                  UPDATE stock SET available = available - ?, updated_at = ?
                  WHERE item_id = ? AND available >= ?""")
              .params(line.getValue(), now, line.getKey(), line.getValue())
              .update();
      if (taken == 0) {
        // The caller's transaction rolls back, giving back what earlier lines took.
        throw new OutOfStock(ItemId.of(line.getKey()));
      }
    }
    wanted.keySet().forEach(itemId -> events.publishEvent(new StockChanged(ItemId.of(itemId))));
  }

  @Override
  @Transactional
  public void release(List<StockLine> lines) {
    SortedMap<Long, Long> returned = merged(lines);
    LocalDateTime now = now();
    List<Long> changed = new ArrayList<>();
    for (var line : returned.entrySet()) {
      int rows =
          jdbc.sql("UPDATE stock SET available = available + ?, updated_at = ? WHERE item_id = ?")
              .params(line.getValue(), now, line.getKey())
              .update();
      if (rows == 0) {
        // Nothing to give back to; failing would block e.g. an order's cancellation forever.
        log.warn("released {} of item {} that has no stock record", line.getValue(), line.getKey());
      } else {
        changed.add(line.getKey());
      }
    }
    changed.forEach(itemId -> events.publishEvent(new StockChanged(ItemId.of(itemId))));
  }

  @Override
  @Transactional
  public long adjust(ItemId item, long delta) {
    long itemId = item.value();
    int rows =
        jdbc.sql(
                """
                UPDATE stock SET available = available + ?, received = received + ?, updated_at = ?
                WHERE item_id = ? AND available + ? >= 0 AND available + ? <= ?""")
            .params(delta, delta, now(), itemId, delta, delta, MAX_STOCK)
            .update();
    if (rows == 0) {
      if (!exists(itemId)) {
        throw new StockNotFound(item);
      }
      if (delta > 0) {
        throw new InvalidInput("delta", "refusal.stock.tooHigh", MAX_STOCK);
      }
      throw new OutOfStock(item);
    }
    events.publishEvent(new StockChanged(item));
    // Our UPDATE holds the row lock until commit, so this reads our own new level.
    return available(item);
  }

  @Override
  @Transactional
  public void set(ItemId item, long quantity) {
    long itemId = item.value();
    requireNotNegative(quantity);
    int rows =
        // received first: MariaDB assigns left to right, so it must read the old level (H2 reads
        // old values throughout); an admin's count receives (or writes off) the difference.
        jdbc.sql("UPDATE stock SET received = received + ? - available, available = ?, updated_at = ? WHERE item_id = ?")
            .params(quantity, quantity, now(), itemId)
            .update();
    if (rows == 0) {
      throw new StockNotFound(item);
    }
    events.publishEvent(new StockChanged(item));
  }

  @Override
  public List<StockCount> counts() {
    return jdbc.sql("SELECT item_id, received, available FROM stock WHERE received IS NOT NULL ORDER BY item_id")
        .query((rs, n) -> new StockCount(ItemId.of(rs.getLong("item_id")), rs.getLong("received"), rs.getLong("available")))
        .list();
  }

  private boolean exists(long itemId) {
    return jdbc.sql("SELECT COUNT(*) FROM stock WHERE item_id = ?").param(itemId).query(Long.class).single() > 0;
  }

  /** One quantity per item, in ascending item id order: the lock order of every take. */
  private static SortedMap<Long, Long> merged(List<StockLine> lines) {
    SortedMap<Long, Long> merged = new TreeMap<>();
    for (StockLine line : lines) {
      merged.merge(line.itemId().value(), (long) line.quantity(), Math::addExact);
    }
    return merged;
  }

  private static void requireNotNegative(long quantity) {
    if (quantity < 0) {
      throw new IllegalArgumentException("stock cannot be negative: " + quantity);
    }
  }

  private LocalDateTime now() {
    return toColumn(clock.instant());
  }
}
