package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The naive baseline's switch: with {@code bazaar.cache.type=none} every read reaches the
 * database, item listings included.
 */
@TestPropertySource(properties = "bazaar.cache.type=none")
class NoCacheTest extends ApiTest {
  @Autowired CacheManager caches;
  @Autowired JdbcClient jdbc;

  @Test
  void aRowChangedBehindTheAppsBackIsReadAtOnceBecauseNothingIsCached() {
    assertThat(caches).isInstanceOf(NoOpCacheManager.class);
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String id = admin().post("/api/admin/items", ApiClient.json(Map.of("title", "uncached", "description", "d",
        "price", Map.of("amount", 100, "currency", "CNY"), "stock", 1, "categoryId", categoryId))).json().get("id").asString();
    assertThat(anonymous().get("/api/items/" + id).json().get("title").asString()).isEqualTo("uncached");

    jdbc.sql("UPDATE items SET title = 'changed in the database' WHERE id = ?").param(Long.parseLong(id)).update();

    assertThat(anonymous().get("/api/items/" + id).json().get("title").asString()).isEqualTo("changed in the database");
  }

  @Test
  void aListingWorksAndShowsARowChangedBehindTheAppsBack() {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String id = admin().post("/api/admin/items", ApiClient.json(Map.of("title", "listed uncached", "description", "d",
        "price", Map.of("amount", 760_001, "currency", "CNY"), "stock", 1, "categoryId", categoryId))).json().get("id").asString();
    String listing = "/api/items?categoryId=" + categoryId + "&minPrice=760001&maxPrice=760009";
    var listed = anonymous().get(listing).json();
    assertThat(listed.get("totalElements").asLong()).isEqualTo(1);
    assertThat(listed.get("content").get(0).get("id").asString()).isEqualTo(id);

    jdbc.sql("UPDATE items SET title = 'listed, changed in the database' WHERE id = ?").param(Long.parseLong(id)).update();

    assertThat(anonymous().get(listing).json().get("content").get(0).get("title").asString())
        .isEqualTo("listed, changed in the database");
  }
}
