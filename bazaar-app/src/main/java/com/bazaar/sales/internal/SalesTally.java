package com.bazaar.sales.internal;

import com.bazaar.catalog.SalesCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units sold that the catalog's best-selling order asks for: read-only, and apart from
 * {@link SalesCounter} because that one needs the order module, which needs the catalog.
 */
@Service
class SalesTally implements SalesCounts {
  private static final int BATCH = 500;

  private final JdbcClient jdbc;

  SalesTally(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One query per 500 items. */
  @Override
  @Transactional(readOnly = true)
  public Map<Long, Long> sold(Collection<Long> itemIds) {
    List<Long> ids = List.copyOf(itemIds);
    Map<Long, Long> sold = new HashMap<>();
    for (int from = 0; from < ids.size(); from += BATCH) {
      jdbc.sql("SELECT item_id, sold FROM item_sales WHERE item_id IN (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
          .query((rs, n) -> sold.put(rs.getLong(1), rs.getLong(2)))
          .list();
    }
    return sold;
  }
}
