package com.bazaar.platform.data;

import java.util.List;
import java.util.Optional;

/**
 * Every table of the shop, declared once: which module owns it, where its migrations are
 * ({@code db/<module>/…}) and where a layout may put it. {@link DataLayout} places the parts and
 * runs their migrations where they live; the migration command ({@code bin/migrate}) and
 * {@code NoCrossDomainSqlTest} read the same declaration.
 *
 * <p>A module's tables form one {@link Part}, except the order module's: its order rows
 * ({@code orders}, {@code order_lines}) may be sharded, the rest stays beside the stock.
 */
public final class Schema {
  /** Where a layout may put a part; every part can also stay in the main database. */
  public enum Placement {
    /** Always in the main database. */
    MAIN,
    /** Its own database when {@code bazaar.datasource.<module>.url} is set (profile split). */
    OWN_DATABASE,
    /** Spread over the shards when {@code bazaar.order.sharding.enabled} (profile sharding). */
    SHARDS
  }

  /**
   * A group of tables that move together: owned by {@code module}, created and changed by the
   * migrations under {@code db/<path>}.
   */
  public record Part(String module, String path, Placement placement, List<String> tables) {
    public Part {
      tables = List.copyOf(tables);
    }
  }

  public static final Part USERS = new Part("user", "user", Placement.OWN_DATABASE, List.of("users", "addresses"));
  public static final Part CATALOG =
      new Part("catalog", "catalog", Placement.OWN_DATABASE, List.of("categories", "items"));
  public static final Part ORDER_ROWS =
      new Part("order", "order/rows", Placement.SHARDS, List.of("orders", "order_lines"));

  public static final List<Part> PARTS = List.of(
      USERS,
      CATALOG,
      new Part("inventory", "inventory", Placement.MAIN, List.of("stock")),
      new Part("cart", "cart", Placement.MAIN, List.of("cart_lines")),
      ORDER_ROWS,
      new Part("order", "order/main", Placement.MAIN,
          List.of("idempotency_keys", "order_reservations", "order_buyer_guards", "order_id_map")),
      new Part("payment", "payment", Placement.MAIN, List.of("payments")),
      new Part("platform", "platform", Placement.MAIN, List.of("worker_id_leases", "processed_messages")),
      new Part("notification", "notification", Placement.MAIN, List.of("notifications")),
      new Part("sales", "sales", Placement.MAIN, List.of("item_sales")),
      new Part("flashsale", "flashsale", Placement.MAIN, List.of("flash_sales", "flash_tickets")));

  /**
   * Tables created by a library rather than by a migration here, with their owning module:
   * Spring Modulith's event publication registry (the outbox).
   */
  public static final Part LIBRARY_TABLES =
      new Part("platform", "", Placement.MAIN, List.of("event_publication"));

  private Schema() {}

  /** The part that holds a table, a library's table included. */
  public static Optional<Part> partOf(String table) {
    return java.util.stream.Stream.concat(PARTS.stream(), java.util.stream.Stream.of(LIBRARY_TABLES))
        .filter(part -> part.tables().contains(table))
        .findFirst();
  }
}
