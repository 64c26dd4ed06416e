package com.bazaar.catalog.internal;

import com.bazaar.platform.data.DomainDatabase;

/**
 * Where the catalog's tables (items, categories) live: the main database (default), or the
 * catalog's own database when {@code bazaar.datasource.catalog.url} is set (profile {@code
 * split}, see {@link DomainDatabase}). Catalog writes run in {@link
 * DomainDatabase#inTransaction its transactions}, never in a plain {@code @Transactional},
 * which would be the main (trade) database's.
 */
record CatalogDatabase(DomainDatabase database) implements AutoCloseable {
  @Override
  public void close() {
    database.close();
  }
}
