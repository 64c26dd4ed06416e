package com.bazaar.catalog;

import static com.bazaar.catalog.CatalogWritesTest.itemBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog's HTTP contract (API.md): reads for everyone, writes for admins, 4xx for bad input. */
class CatalogApiTest extends ApiTest {

  private String categoryId(int index) {
    return anonymous().get("/api/categories").json().get(index).get("id").asString();
  }

  private String create(ApiClient admin, String title, String categoryId) {
    var created = admin.post("/api/admin/items", ApiClient.json(itemBody(title, 1_999, 3, categoryId)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private static void assertInvalid(ApiClient.Answer answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
      assertThat(fields).contains(field);
    }
  }

  private ApiClient.Answer createWith(Consumer<Map<String, Object>> change) {
    Map<String, Object> body = itemBody("Valid title", 1_999, 3, categoryId(0));
    change.accept(body);
    return admin().post("/api/admin/items", ApiClient.json(body));
  }

  @Test
  void moneyIsAnAmountInMinorUnitsAndACurrencyAndNothingElse() {
    JsonNode price = anonymous().get("/api/items?size=1").json().get("content").get(0).get("price");

    assertThat(price.get("amount").isIntegralNumber()).isTrue();
    assertThat(price.get("currency").asString()).isEqualTo("CNY");
    assertThat(price.size()).isEqualTo(2);
  }

  @Test
  void categoriesAreListedWithStringIds() {
    var answer = anonymous().get("/api/categories");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode categories = answer.json();
    assertThat(categories.size()).isGreaterThanOrEqualTo(10);
    JsonNode first = categories.get(0);
    assertThat(first.get("id").isString()).isTrue();
    assertThat(first.get("name").asString()).isNotBlank();
    assertThat(first.has("parentId")).isTrue();
    assertThat(first.get("parentId").isNull()).isTrue();
  }

  @Test
  void itemsArePagedNewestFirst() {
    var answer = anonymous().get("/api/items?page=1&size=5");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode page = answer.json();
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(5);
    assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(60);
    assertThat(page.get("content").size()).isEqualTo(5);
    List<Long> ids = new ArrayList<>();
    page.get("content").forEach(item -> {
      ids.add(Long.parseLong(item.get("id").asString()));
      assertThat(item.get("price").get("currency").asString()).isEqualTo("CNY");
      assertThat(item.get("stock").asLong()).isBetween(0L, 500L);
      assertThat(item.get("categoryId").isString()).isTrue();
      assertThat(item.has("description")).isFalse();
    });
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void itemsCanBeFilteredByCategory() {
    String categoryId = categoryId(2);
    String newest = create(admin(), "Category filter test", categoryId);

    JsonNode page = anonymous().get("/api/items?categoryId=" + categoryId + "&size=100").json();

    assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(newest);
    page.get("content").forEach(item -> assertThat(item.get("categoryId").asString()).isEqualTo(categoryId));
    assertThat(page.get("totalElements").asLong()).isEqualTo(page.get("content").size());
  }

  @Test
  void anUnknownCategoryHasNoItems() {
    JsonNode page = anonymous().get("/api/items?categoryId=1").json();
    assertThat(page.get("content").size()).isZero();
    assertThat(page.get("totalElements").asLong()).isZero();
  }

  @Test
  void badPagingIsA400() {
    ApiClient client = anonymous();
    assertInvalid(client.get("/api/items?size=0"), "size");
    assertInvalid(client.get("/api/items?size=101"), "size");
    assertInvalid(client.get("/api/items?page=-1"), "page");
    assertInvalid(client.get("/api/items?page=abc"), "page");
    assertInvalid(client.get("/api/items?categoryId=abc"), "categoryId");
  }

  @Test
  void anItemHasADetailPage() {
    String id = create(admin(), "Detail test", categoryId(0));

    var answer = anonymous().get("/api/items/" + id);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode item = answer.json();
    assertThat(item.get("description").asString()).isEqualTo("described");
    assertThat(item.get("updatedAt").asString()).endsWith("Z");
  }

  @Test
  void anUnknownItemIsA404Problem() {
    var answer = anonymous().get("/api/items/123");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aMalformedItemIdIsA400() {
    assertInvalid(anonymous().get("/api/items/abc"), null);
    assertInvalid(anonymous().get("/api/items/99999999999999999999"), null);
  }

  @Test
  void onlyAdminsMayWriteItems() {
    String body = ApiClient.json(itemBody("Not allowed", 100, 1, categoryId(0)));
    assertThat(anonymous().post("/api/admin/items", body).status()).isEqualTo(401);
    var shopper = newShopper().post("/api/admin/items", body);
    assertThat(shopper.status()).isEqualTo(403);
    assertThat(shopper.contentType()).startsWith("application/problem+json");
    assertThat(newShopper().post("/api/admin/items/1/stock", "{\"delta\":1}").status()).isEqualTo(403);
  }

  @Test
  void anItemWithoutDescriptionGetsAnEmptyOne() {
    var answer = createWith(body -> body.remove("description"));
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("description").asString()).isEmpty();
  }

  @Test
  void badItemsAreRefusedNamingTheField() {
    assertInvalid(createWith(body -> body.put("price", Map.of("amount", -5, "currency", "CNY"))), "price.amount");
    assertInvalid(createWith(body -> body.put("price", Map.of("amount", 0, "currency", "CNY"))), "price.amount");
    assertInvalid(createWith(body -> body.put("price", Map.of("amount", 10_000_000_001L, "currency", "CNY"))),
        "price.amount");
    assertInvalid(createWith(body -> body.put("price", Map.of("amount", 100, "currency", "USD"))), "price.currency");
    assertInvalid(createWith(body -> body.remove("price")), "price");
    assertInvalid(createWith(body -> body.put("price", Map.of("amount", 19.99, "currency", "CNY"))), "price.amount");
    assertInvalid(createWith(body -> body.put("stock", 2.5)), "stock");
    assertInvalid(createWith(body -> body.remove("title")), "title");
    assertInvalid(createWith(body -> body.put("title", "   ")), "title");
    assertInvalid(createWith(body -> body.put("title", "x".repeat(201))), "title");
    assertInvalid(createWith(body -> body.put("description", "x".repeat(4001))), "description");
    assertInvalid(createWith(body -> body.put("stock", -1)), "stock");
    assertInvalid(createWith(body -> body.put("stock", 1_000_001)), "stock");
    assertInvalid(createWith(body -> body.put("stock", "abc")), "stock");
    assertInvalid(createWith(body -> body.put("categoryId", "1")), "categoryId");
    assertInvalid(createWith(body -> body.remove("categoryId")), "categoryId");
    assertInvalid(admin().post("/api/admin/items", "this is not json"), null);
    assertInvalid(admin().post("/api/admin/items", "[1,2]"), null);
  }

  @Test
  void anAdminUpdatesAnItem() {
    ApiClient admin = admin();
    String id = create(admin, "Before update", categoryId(0));
    String otherCategory = categoryId(1);

    var updated = admin.put("/api/admin/items/" + id, ApiClient.json(itemBody("After update", 2_500, 9, otherCategory)));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("title").asString()).isEqualTo("After update");
    assertThat(updated.json().get("stock").asLong()).isEqualTo(9);
    assertThat(updated.json().get("categoryId").asString()).isEqualTo(otherCategory);
    assertThat(anonymous().get("/api/items/" + id).json()).isEqualTo(updated.json());
  }

  @Test
  void updatingAnUnknownItemIsA404() {
    var answer = admin().put("/api/admin/items/123", ApiClient.json(itemBody("Nobody", 100, 1, categoryId(0))));
    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void badStockChangesAreRefused() {
    ApiClient admin = admin();
    String id = create(admin, "Stock delta test", categoryId(0));

    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":0}"), "delta");
    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":1000001}"), "delta");
    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":-1000001}"), "delta");
    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{}"), "delta");
    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":1.5}"), "delta");
    assertInvalid(admin.post("/api/admin/items/" + id + "/stock", "{\"delta\":\"many\"}"), "delta");
    assertThat(admin.post("/api/admin/items/123/stock", "{\"delta\":1}").status()).isEqualTo(404);
  }
}
