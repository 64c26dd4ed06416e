package com.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.BazaarApplication;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.ShardDatabases;
import com.bazaar.support.TestItems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The migration command's work: a single-database Bazaar on MariaDB, filled through its own
 * API, is moved into this sharded node; every order (lines, status, amounts, times) then reads
 * back through the sharded API for its buyer, the verification matches, and a second run
 * changes nothing.
 */
@RealEngines
@ActiveProfiles({"test", "mariadb", "sharding"})
@DirtiesContext
class ShardMigrationTest extends ApiTest {
  @Autowired ShardMigration migration;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void shards(DynamicPropertyRegistry registry) {
    ShardDatabases.register(registry);
  }

  @Test
  void everyOrderOfASingleDatabaseReadsTheSameAfterMigration() throws Exception {
    String sourceUrl = ShardDatabases.url("bazaar_test_single_" + UUID.randomUUID().toString().substring(0, 8).replace("-", ""));
    Map<String, List<JsonNode>> ordersByBuyer = new LinkedHashMap<>();
    try (ConfigurableApplicationContext single = new SpringApplicationBuilder(BazaarApplication.class)
        .profiles("test", "mariadb")
        .run("--server.port=0", "--spring.datasource.url=" + sourceUrl + "?createDatabaseIfNotExist=true")) {
      int singlePort = ((WebServerApplicationContext) single).getWebServer().getPort();
      TestItems singleItems = single.getBean(TestItems.class);
      long tea = singleItems.create("茶 tea", 1250, 100);
      long cup = singleItems.create("cup", 300, 100);
      for (int buyer = 0; buyer < 5; buyer++) {
        String name = "migrated" + buyer + "_" + System.nanoTime() % 100000;
        ApiClient shopper = new ApiClient(singlePort).registerAndLogin(name);
        for (int n = 0; n < 3; n++) {
          String id = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + tea + "\",\"quantity\":" + (n + 1)
              + "},{\"itemId\":\"" + cup + "\",\"quantity\":1}]}").json().get("id").asString();
          if (n == 1) {
            shopper.post("/api/orders/" + id + "/pay", "{}");
          } else if (n == 2 && buyer % 2 == 0) {
            shopper.post("/api/orders/" + id + "/cancel", "{}");
          }
        }
        List<JsonNode> orders = new java.util.ArrayList<>();
        shopper.get("/api/orders?size=100").json().get("content").forEach(orders::add);
        ordersByBuyer.put(name, orders);
      }

      List<ShardMigration.Check> first = migration.migrate(new ShardMigration.Source(sourceUrl, "root", ""));
      List<ShardMigration.Check> again = migration.migrate(new ShardMigration.Source(sourceUrl, "root", ""));

      assertThat(first).isNotEmpty().allSatisfy(c -> assertThat(c.matches()).as(c.toString()).isTrue());
      assertThat(first).extracting(ShardMigration.Check::table).contains("orders", "order_lines", "payments", "users");
      assertThat(first).filteredOn(c -> c.table().equals("orders")).singleElement()
          .satisfies(c -> assertThat(c.targetRows()).isEqualTo(15));
      assertThat(again).isEqualTo(first);
    }

    for (Map.Entry<String, List<JsonNode>> buyer : ordersByBuyer.entrySet()) {
      ApiClient shopper = new ApiClient(port).login(buyer.getKey(), "password-" + buyer.getKey());
      JsonNode page = shopper.get("/api/orders?size=100").json();
      assertThat(page.get("totalElements").asLong()).isEqualTo(buyer.getValue().size());
      for (JsonNode before : buyer.getValue()) {
        long newId = jdbc.sql("SELECT new_id FROM order_id_map WHERE old_id = ?")
            .param(Long.parseLong(before.get("id").asString())).query(Long.class).single();
        JsonNode after = shopper.get("/api/orders/" + newId).json();
        for (String field : List.of("status", "lines", "total", "createdAt", "paidAt", "paymentDeadline")) {
          assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
      }
    }
  }
}
