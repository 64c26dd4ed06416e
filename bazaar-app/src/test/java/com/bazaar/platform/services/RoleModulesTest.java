package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.services.Deployment.Role;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * A process scans the beans of the modules its role runs: a catalog process no carts, orders,
 * stock or storefront, but the remote clients those modules declare for it; the web role and the
 * monolith leave nothing out.
 */
class RoleModulesTest {
  private final MetadataReaderFactory readers = new SimpleMetadataReaderFactory();

  @Test
  void theCatalogRoleScansTheCatalogThePlatformAndTheClientsDeclaredForIt() throws IOException {
    RoleModules catalog = new RoleModules(Role.CATALOG);

    assertThat(leftOut(catalog, "com.bazaar.catalog.internal.CatalogService")).isFalse();
    assertThat(leftOut(catalog, "com.bazaar.platform.services.RemoteCalls")).isFalse();
    assertThat(leftOut(catalog, "com.bazaar.inventory.internal.RemoteInventory")).isFalse();
    assertThat(leftOut(catalog, "com.bazaar.sales.internal.RemoteSalesCounts")).isFalse();
    assertThat(leftOut(catalog, "com.bazaar.BazaarApplication")).isFalse();

    assertThat(leftOut(catalog, "com.bazaar.inventory.internal.JdbcInventory")).isTrue();
    assertThat(leftOut(catalog, "com.bazaar.sales.internal.SalesTally")).isTrue();
    assertThat(leftOut(catalog, "com.bazaar.user.internal.SecurityConfiguration")).isTrue();
    assertThat(leftOut(catalog, "com.bazaar.storefront.ItemGrids")).isTrue();
    assertThat(leftOut(catalog, "com.bazaar.search.internal.CatalogIndexer")).isTrue();
  }

  @Test
  void theWebRoleScansEveryModule() throws IOException {
    RoleModules web = new RoleModules(Role.WEB);

    for (String type : new String[] {"com.bazaar.inventory.internal.JdbcInventory",
        "com.bazaar.user.internal.SecurityConfiguration", "com.bazaar.catalog.internal.CatalogCache"}) {
      assertThat(leftOut(web, type)).as(type).isFalse();
    }
  }

  @Test
  void eachRoleOwnsTheTablesOfItsModules() {
    assertThat(Role.CATALOG.ownsTablesOf("catalog")).isTrue();
    assertThat(Role.CATALOG.ownsTablesOf("platform")).isTrue();
    assertThat(Role.CATALOG.ownsTablesOf("inventory")).isFalse();
    assertThat(Role.WEB.ownsTablesOf("catalog")).isFalse();
    assertThat(Role.WEB.ownsTablesOf("inventory")).isTrue();
    assertThat(Role.WEB.ownsTablesOf("platform")).isTrue();
    assertThat(Role.ALL.ownsTablesOf("catalog")).isTrue();
  }

  private boolean leftOut(RoleModules filter, String className) throws IOException {
    return filter.match(readers.getMetadataReader(className), readers);
  }
}
