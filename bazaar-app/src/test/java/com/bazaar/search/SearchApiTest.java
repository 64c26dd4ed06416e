package com.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchApiTest extends ApiTest {

  @Test
  void aNewItemIsFindableWithinSecondsAndAChangedOneByItsNewTitle() {
    ApiClient admin = admin();
    String categoryId = admin.get("/api/categories").json().get(0).get("id").asString();
    var created = admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "量子 保温杯 Quokkaflask", "description", "不锈钢 thermos",
        "price", Map.of("amount", 8900, "currency", "CNY"), "stock", 5, "categoryId", categoryId)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      var found = search("quokkaflask");
      assertThat(found.get("content").get(0).get("id").asString()).isEqualTo(id);
      assertThat(found.get("content").get(0).get("price").get("amount").asLong()).isEqualTo(8900);
      assertThat(found.get("content").get(0).get("price").size()).as("money is amount + currency only").isEqualTo(2);
    });
    assertThat(search("保温杯").get("totalElements").asLong()).isPositive();

    var updated = admin.put("/api/admin/items/" + id, ApiClient.json(Map.of(
        "title", "Wombatmug ceramic", "description", "",
        "price", Map.of("amount", 100, "currency", "CNY"), "stock", 5, "categoryId", categoryId)));
    assertThat(updated.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(search("wombatmug").get("totalElements").asLong()).isEqualTo(1);
      assertThat(search("quokkaflask").get("totalElements").asLong()).isZero();
    });
  }

  @Test
  void everyDemoItemIsFoundByItsOwnTitle() {
    var items = anonymous().get("/api/items?size=20").json().get("content");
    for (var item : items) {
      var found = search(item.get("title").asString());
      assertThat(found.get("content").findValuesAsString("id"))
          .as(item.get("title").asString())
          .contains(item.get("id").asString());
    }
  }

  @Test
  void badQueriesAre400Problems() {
    ApiClient client = anonymous();
    for (String path : new String[] {"/api/search", "/api/search?q=", "/api/search?q=%20%20",
        "/api/search?q=" + "x".repeat(201), "/api/search?q=phone&size=101", "/api/search?q=phone&page=-1",
        "/api/search?q=phone&size=abc"}) {
      var answer = client.get(path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }
    assertThat(client.get("/api/search?q=" + enc("c++ (\"*")).status()).isEqualTo(200);
  }

  private tools.jackson.databind.JsonNode search(String q) {
    var answer = anonymous().get("/api/search?q=" + enc(q));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
