package com.bazaar.catalog;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Read/write splitting with every table in the one main database. */
class CatalogReadsOnReplicaTest extends CatalogReadsOverReplica {
  private static final String DATABASE = newDatabaseName();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    replicaPair(registry, DATABASE);
  }

  @Override
  protected String database() {
    return DATABASE;
  }
}
