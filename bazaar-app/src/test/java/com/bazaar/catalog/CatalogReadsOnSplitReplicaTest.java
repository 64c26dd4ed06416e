package com.bazaar.catalog;

import com.bazaar.platform.data.ReadRouting;
import com.bazaar.platform.data.ReadRoutings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * Read/write splitting with the catalog in its own database (profiles replica and split):
 * the catalog's reads are routed over {@code <database>_catalog} on the replica server, with
 * the same guarantees — read-your-writes, lag fence, a stopped replica costs no answer.
 */
@ActiveProfiles("split")
class CatalogReadsOnSplitReplicaTest extends CatalogReadsOnReplicaTest {
  @Autowired ReadRoutings routings;

  @Override
  protected ReadRouting catalogReads() {
    return routings.of("catalog");
  }

  @Override
  protected String catalogDatabase() {
    return super.catalogDatabase() + "_catalog";
  }
}
