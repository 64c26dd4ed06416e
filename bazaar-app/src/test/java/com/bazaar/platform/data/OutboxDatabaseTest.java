package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which modules keep all their tables in the outbox's database, by layout: the one decision the
 * embedded bus reads to mark a publication completed in its handler's transaction.
 */
class OutboxDatabaseTest {

  @Test
  void inOneDatabaseEveryModuleSharesTheOutboxDatabase() {
    assertThat(DataLayout.modulesAwayFromOutbox(new MockEnvironment())).isEmpty();
  }

  @Test
  void theSplitLayoutTakesTheUserAndCatalogModulesAway() {
    MockEnvironment split = new MockEnvironment()
        .withProperty("bazaar.datasource.user.url", "jdbc:mariadb://127.0.0.1:3306/bazaar_user")
        .withProperty("bazaar.datasource.catalog.url", "jdbc:mariadb://127.0.0.1:3306/bazaar_catalog");

    assertThat(DataLayout.modulesAwayFromOutbox(split)).containsExactlyInAnyOrder("user", "catalog");
  }

  @Test
  void shardedOrderRowsTakeTheOrderModuleAway() {
    MockEnvironment sharded = new MockEnvironment().withProperty("bazaar.order.sharding.enabled", "true");

    assertThat(DataLayout.modulesAwayFromOutbox(sharded)).containsExactly("order");
  }

  /** Each role of the services deployment migrates and keeps only its own modules' tables, outbox included. */
  @Test
  void eachServiceRoleKeepsItsOwnModulesTablesBesideItsOwnOutbox() {
    MockEnvironment catalog = new MockEnvironment().withProperty("bazaar.deployment.role", "catalog");
    MockEnvironment web = new MockEnvironment().withProperty("bazaar.deployment.role", "web");

    assertThat(DataLayout.inMainDatabase(catalog)).extracting(Schema.Part::module)
        .containsExactlyInAnyOrder("catalog", "platform");
    assertThat(DataLayout.inMainDatabase(web)).extracting(Schema.Part::module)
        .doesNotContain("catalog").contains("user", "inventory", "order", "sales", "platform");
    assertThat(DataLayout.modulesAwayFromOutbox(catalog)).isEmpty();
    assertThat(DataLayout.modulesAwayFromOutbox(web)).isEmpty();
  }
}
