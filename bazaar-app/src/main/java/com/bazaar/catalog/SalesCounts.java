package com.bazaar.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * What the catalog needs to order items best-selling first: units sold per item. A port the
 * sales module implements (sales depends on the catalog, never the other way round); items
 * missing from the answer sold nothing.
 */
public interface SalesCounts {

  Map<Long, Long> sold(Collection<Long> itemIds);
}
