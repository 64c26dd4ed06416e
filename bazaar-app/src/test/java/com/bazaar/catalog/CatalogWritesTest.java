package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.platform.id.ItemId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Admin writes and what readers see right after them, the cache included. */
class CatalogWritesTest extends ApiTest {
  @Autowired Inventory inventory;
  @Autowired TransactionTemplate transaction;
  @Autowired CacheManager caches;

  static Map<String, Object> itemBody(String title, long amount, long stock, String categoryId) {
    return TestItems.itemBody(title, amount, stock, categoryId);
  }

  String firstCategoryId() {
    return anonymous().get("/api/categories").json().get(0).get("id").asString();
  }

  JsonNode createItem(ApiClient admin, String title, long amount, long stock) {
    var created = admin.post("/api/admin/items", ApiClient.json(itemBody(title, amount, stock, firstCategoryId())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void anAdminCreatesAnItemThatEveryoneCanReadBack() {
    String categoryId = firstCategoryId();
    var created = admin().post("/api/admin/items",
        ApiClient.json(itemBody("华为 智能 手机 Test 128GB", 399_900, 7, categoryId)));

    assertThat(created.status()).isEqualTo(201);
    JsonNode item = created.json();
    assertThat(item.get("id").isString()).isTrue();
    assertThat(item.get("title").asString()).isEqualTo("华为 智能 手机 Test 128GB");
    assertThat(item.get("price").get("amount").asLong()).isEqualTo(399_900);
    assertThat(item.get("price").get("currency").asString()).isEqualTo("CNY");
    assertThat(item.get("stock").asLong()).isEqualTo(7);
    assertThat(item.get("categoryId").asString()).isEqualTo(categoryId);
    assertThat(Instant.parse(item.get("updatedAt").asString())).isNotNull();

    var read = anonymous().get("/api/items/" + item.get("id").asString());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(item);
  }

  @Test
  void anAdminAdjustsStockUpAndDownButNotBelowZero() {
    ApiClient admin = admin();
    String id = createItem(admin, "Stock adjust test", 1_000, 5).get("id").asString();

    var up = admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":10}");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.json().get("stock").asLong()).isEqualTo(15);

    var down = admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":-15}");
    assertThat(down.json().get("stock").asLong()).isZero();

    var below = admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":-1}");
    assertThat(below.status()).isEqualTo(409);
    assertThat(below.contentType()).startsWith("application/problem+json");
    assertThat(anonymous().get("/api/items/" + id).json().get("stock").asLong()).isZero();
  }

  @Test
  void aCachedItemShowsAPriceUpdateAtOnce() {
    ApiClient admin = admin();
    String id = createItem(admin, "Cache price test", 1_000, 5).get("id").asString();
    ApiClient reader = anonymous();
    assertThat(reader.get("/api/items/" + id).json().get("price").get("amount").asLong()).isEqualTo(1_000);
    assertThat(caches.getCache("items").get(Long.parseLong(id))).as("the read was cached").isNotNull();

    var updated = admin.put("/api/admin/items/" + id,
        ApiClient.json(itemBody("Cache price test, cheaper", 800, 5, firstCategoryId())));
    assertThat(updated.status()).isEqualTo(200);

    JsonNode read = reader.get("/api/items/" + id).json();
    assertThat(read.get("price").get("amount").asLong()).isEqualTo(800);
    assertThat(read.get("title").asString()).isEqualTo("Cache price test, cheaper");
  }

  @Test
  void aCachedItemShowsAStockChangeAtOnce() {
    ApiClient admin = admin();
    String id = createItem(admin, "Cache stock test", 1_000, 5).get("id").asString();
    ApiClient reader = anonymous();
    assertThat(reader.get("/api/items/" + id).json().get("stock").asLong()).isEqualTo(5);

    admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":3}");
    assertThat(reader.get("/api/items/" + id).json().get("stock").asLong()).isEqualTo(8);

    // A buyer's reservation, as the order module makes it.
    transaction.executeWithoutResult(s -> inventory.reserve(List.of(new StockLine(ItemId.of(Long.parseLong(id)), 2))));
    assertThat(reader.get("/api/items/" + id).json().get("stock").asLong()).isEqualTo(6);
  }

  @Test
  void aRolledBackReservationLeavesTheCachedStockRight() {
    String id = createItem(admin(), "Cache rollback test", 1_000, 5).get("id").asString();
    ApiClient reader = anonymous();
    assertThat(reader.get("/api/items/" + id).json().get("stock").asLong()).isEqualTo(5);

    transaction.executeWithoutResult(s -> {
      inventory.reserve(List.of(new StockLine(ItemId.of(Long.parseLong(id)), 2)));
      s.setRollbackOnly();
    });

    assertThat(reader.get("/api/items/" + id).json().get("stock").asLong()).isEqualTo(5);
  }
}
