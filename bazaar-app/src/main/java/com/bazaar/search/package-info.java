/**
 * Full-text search over the catalog: an inverted index (embedded Lucene by default) fed by
 * {@link com.bazaar.catalog.ItemChanged} events and rebuilt from the catalog at startup.
 * Results carry current prices and stock, read from the catalog, never from the index.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.search;
