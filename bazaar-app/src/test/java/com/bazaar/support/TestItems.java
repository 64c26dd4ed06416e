package com.bazaar.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Items with a price and a stock for the HTTP tests, each new, so that no other test buys them.
 * In the test's JVM the app's tables are written directly ({@link JdbcTestItems}); against a
 * deployment in other processes the items are made through its admin API ({@link RemoteTestItems}).
 */
public interface TestItems {
  /** The body of an admin's item create or update, as API.md gives it. */
  static Map<String, Object> itemBody(String title, long amount, long stock, String categoryId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", "described");
    body.put("price", Map.of("amount", amount, "currency", "CNY"));
    body.put("stock", stock);
    body.put("categoryId", categoryId);
    return body;
  }

  /** A new item priced in CNY minor units, with this much stock; answers its id. */
  long create(String title, long priceAmount, long stock);

  /** The units of the item available now, as the inventory's table holds them. */
  long stockOf(long itemId);

  /** The item leaves the catalog. */
  void delete(long itemId);

  /** How many payments the order has. */
  long paymentsOf(long orderId);
}
