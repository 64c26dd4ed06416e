package com.bazaar.order.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.jspecify.annotations.Nullable;

/**
 * ShardingSphere's routing hook for orders and their lines. Each row belongs to one of
 * {@link OrderSlots#SLOTS} slots: {@link OrderSlots#ofBuyer} of {@code buyer_id}, or the gene in
 * the low bits of {@code id} / {@code order_id}, which is the same number. Slot s lives in database
 * {@code s / tablesPerDatabase}, table {@code s % tablesPerDatabase} (so with 2 × 4 the
 * slots map one to one; with fewer physical tables, slots share them).
 *
 * <p>A statement that names neither a buyer nor an order id (the admin list, the overdue
 * sweep) has no slot and goes to every target, which ShardingSphere merges.
 *
 * <p>Configured as CLASS_BASED with props {@code level} (database or table),
 * {@code databases} and {@code tables-per-database}.
 */
public final class OrderSlotSharding implements ComplexKeysShardingAlgorithm<Comparable<?>> {
  private static final List<String> ORDER_ID_COLUMNS = List.of("id", "order_id");
  private boolean databaseLevel;
  private int databases;
  private int tablesPerDatabase;

  @Override
  public void init(Properties props) {
    databaseLevel = "database".equals(props.getProperty("level"));
    databases = Integer.parseInt(props.getProperty("databases"));
    tablesPerDatabase = Integer.parseInt(props.getProperty("tables-per-database"));
  }

  @Override
  public Collection<String> doSharding(Collection<String> targets, ComplexKeysShardingValue<Comparable<?>> value) {
    Collection<Integer> slots = slots(value.getColumnNameAndShardingValuesMap());
    if (slots == null) {
      return targets;
    }
    return slots.stream().map(this::targetIndex).distinct()
        .map(index -> target(targets, index))
        .toList();
  }

  /** The slots the statement's values name, or null if it names none (broadcast). */
  private static @Nullable Collection<Integer> slots(Map<String, Collection<Comparable<?>>> values) {
    for (Map.Entry<String, Collection<Comparable<?>>> column : values.entrySet()) {
      String name = column.getKey().toLowerCase();
      if (name.equals("buyer_id")) {
        return column.getValue().stream().map(v -> OrderSlots.ofBuyer(asLong(v))).toList();
      }
    }
    for (Map.Entry<String, Collection<Comparable<?>>> column : values.entrySet()) {
      if (ORDER_ID_COLUMNS.contains(column.getKey().toLowerCase())) {
        return column.getValue().stream().map(v -> OrderSlots.ofOrder(asLong(v))).toList();
      }
    }
    return null;
  }

  private int targetIndex(int slot) {
    int physical = slot % (databases * tablesPerDatabase);
    return databaseLevel ? physical / tablesPerDatabase : physical % tablesPerDatabase;
  }

  private static String target(Collection<String> targets, int index) {
    String suffix = "_" + index;
    return targets.stream().filter(t -> t.endsWith(suffix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no shard target ending in " + suffix + " among " + targets));
  }

  private static long asLong(Comparable<?> value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
  }
}
