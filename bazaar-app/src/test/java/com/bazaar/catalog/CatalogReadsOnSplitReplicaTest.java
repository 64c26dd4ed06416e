package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.data.ReadRouting;
import com.bazaar.platform.data.ReadRoutings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Read/write splitting with the catalog in its own database (profiles replica and split):
 * the catalog's reads are routed over {@code <database>_catalog} on the replica server, with
 * the same guarantees — read-your-writes, lag fence, a stopped replica costs no answer.
 */
@ActiveProfiles("split")
class CatalogReadsOnSplitReplicaTest extends CatalogReadsOverReplica {
  private static final String DATABASE = newDatabaseName();

  @Autowired ReadRoutings routings;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    replicaPair(registry, DATABASE);
  }

  @Override
  protected String database() {
    return DATABASE;
  }

  @Override
  protected ReadRouting catalogReads() {
    return routings.of("catalog");
  }

  @Override
  protected String catalogDatabase() {
    return DATABASE + "_catalog";
  }

  @Test
  void catalogReadsAreAnsweredByTheCatalogDatabasesCopyOnTheReplica() {
    // Before each test the replica has caught up, so the read goes there (checked by @@port).
    String answering = catalogReads().read(db -> db.sql("SELECT DATABASE()").query(String.class).single());
    assertThat(answering).isEqualTo(DATABASE + "_catalog");
    assertThat(routings.of("catalog")).isNotSameAs(routings.main());
  }
}
