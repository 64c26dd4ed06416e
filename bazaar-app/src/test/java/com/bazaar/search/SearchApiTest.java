package com.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SearchApiTest extends ApiTest {
  @Autowired @Qualifier("searchIndex") HealthIndicator searchIndexHealth;

  @Test
  void aNewItemIsFindableWithinSecondsInChineseAndEnglish() {
    String marker = uniqueWord();
    String id = createItem("华为 智能手机 " + marker, "Flagship phone with a great camera", 1999, 5);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(ids(search(marker))).containsExactly(id));
    assertThat(ids(search("手机 " + marker))).containsExactly(id);
    assertThat(ids(search(marker + " camera"))).containsExactly(id);

    JsonNode hit = search(marker).get("content").get(0);
    assertThat(hit.get("id").isString()).isTrue();
    assertThat(hit.get("title").asString()).isEqualTo("华为 智能手机 " + marker);
    assertThat(hit.get("price").get("amount").asLong()).isEqualTo(1999);
    assertThat(hit.get("price").get("currency").asString()).isEqualTo("CNY");
    assertThat(hit.get("stock").asLong()).isEqualTo(5);
    assertThat(hit.get("categoryId").isString()).isTrue();
  }

  @Test
  void aChangedItemIsFoundByItsNewTitleOnly() {
    String before = uniqueWord();
    String after = uniqueWord();
    String id = createItem("蓝牙耳机 " + before, "降噪", 2999, 3);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(search(before))).containsExactly(id));

    var updated = admin().put("/api/admin/items/" + id, itemJson("Wireless Earbuds " + after, "降噪", 2999, 3));
    assertThat(updated.status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(ids(search(after))).containsExactly(id);
      assertThat(ids(search(before))).isEmpty();
    });
    assertThat(ids(search("earbud " + after))).containsExactly(id);
  }

  @Test
  void priceAndStockAreCurrentEvenIfTheIndexIsNotTouched() {
    String marker = uniqueWord();
    String id = createItem("Desk lamp " + marker, "Warm light", 4999, 2);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(search(marker))).containsExactly(id));

    assertThat(admin().post("/api/admin/items/" + id + "/stock", ApiClient.json(Map.of("delta", 10))).status())
        .isEqualTo(200);

    assertThat(search(marker).get("content").get(0).get("stock").asLong()).isEqualTo(12);
  }

  @Test
  void titleMatchesComeBeforeDescriptionMatches() {
    String marker = uniqueWord();
    String inDescription = createItem("Leather case", "Fits the " + marker + " perfectly", 999, 1);
    String inTitle = createItem(marker + " phone", "A phone", 99999, 1);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(ids(search(marker))).containsExactly(inTitle, inDescription));
  }

  @Test
  void resultsArePagedWithTheTotal() {
    String marker = uniqueWord();
    for (int i = 0; i < 3; i++) {
      createItem("Charger " + marker + " " + i, "USB-C", 999, 1);
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(search(marker).get("totalElements").asLong()).isEqualTo(3));

    JsonNode second = anonymous().get("/api/search?q=" + marker + "&page=1&size=2").json();
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("size").asInt()).isEqualTo(2);
    assertThat(second.get("totalElements").asLong()).isEqualTo(3);
    assertThat(second.get("content")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "%20%20", "q=", "size=101", "size=0", "page=-1", "page=x"})
  void badParametersAreA400Problem(String parameters) {
    String path = switch (parameters) {
      case "" -> "/api/search";
      case "%20%20" -> "/api/search?q=%20%20";
      case "q=" -> "/api/search?q=";
      default -> "/api/search?q=phone&" + parameters;
    };
    var answer = anonymous().get(path);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"page=21474836&size=100", "page=1000000&size=100", "page=100&size=100", "page=500"})
  void aPageEndingBeyondTheFirst10000ResultsIsA400NamingPage(String parameters) {
    var answer = anonymous().get("/api/search?q=phone&" + parameters);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
  }

  @Test
  void theLastPageWithinTheWindowIsServed() {
    assertThat(anonymous().get("/api/search?q=phone&page=99&size=100").status()).isEqualTo(200);
  }

  @Test
  void aClientsHugePagesNeverSwitchSearchOffForEveryone() {
    ApiClient attacker = anonymous();
    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(attacker.get("/api/search?q=phone&page=21474836&size=100").status()).isEqualTo(400);
    }
    assertThat(anonymous().get("/api/search?q=phone").status()).isEqualTo(200);
  }

  @Test
  void aMissingOrTooLongQueryNamesTheField() {
    var missing = anonymous().get("/api/search");
    assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("q");

    var tooLong = anonymous().get("/api/search?q=" + "a".repeat(1_000));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
  }

  /** Through nginx, nginx answers first (414, its own 8 KB limit). */
  @Test
  @Tag(IN_PROCESS)
  void aQueryBeyondTheRequestLineLimitIsRefusedByTheConnector() {
    // Beyond the server's 8 KB request-line limit the connector itself answers 400.
    assertThat(anonymous().get("/api/search?q=" + "a".repeat(10_000)).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c++", "a:b", "\"", "*", "(", ")", "[x", "title:x^", "\\", "AND", "OR NOT", "~1", "?"})
  void specialCharactersAreSearchedNotParsed(String query) {
    var answer = anonymous().get("/api/search?q=" + encode(query));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("content").isArray()).isTrue();
  }

  @Test
  void healthShowsTheSearchIndexUpWithItsDocumentCount() {
    var answer = anonymous().get("/actuator/health");
    JsonNode index = answer.json().get("components").get("searchIndex");
    assertThat(index).as(answer.body()).isNotNull();
    assertThat(index.get("status").asString()).isEqualTo("UP");

    // Details are hidden from anonymous callers by the health endpoint's settings.
    Health health = searchIndexHealth.health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails().get("documents")).isInstanceOf(Long.class);
  }

  @Test
  void shoppersFindWhatTheyTypeTheWayTheyTypeIt() {
    String marker = uniqueWord();
    String huaweiZh = createItem("华为 智能 手机 Pro 256GB " + marker, "华为智能手机（Pro 256GB），正品保证。", 399900, 5);
    String huaweiEn = createItem("Huawei smart phone " + marker, "Smart phone from Huawei. Free shipping.", 299900, 5);
    String xiaomi = createItem("小米 蓝牙耳机 " + marker, "小米蓝牙耳机，顺丰包邮。", 19900, 5);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(ids(search(marker))).containsExactlyInAnyOrder(huaweiZh, huaweiEn, xiaomi));

    assertThat(ids(search(marker + " 华为手机"))).containsExactlyInAnyOrder(huaweiZh, huaweiEn)
        .isEqualTo(ids(search(marker + " 华为 手机")));
    assertThat(ids(search(marker + " huawei"))).containsExactlyInAnyOrder(huaweiZh, huaweiEn);
    assertThat(ids(search(marker + " phone"))).containsExactlyInAnyOrder(huaweiZh, huaweiEn);
    assertThat(ids(search(marker + " headphones"))).containsExactly(xiaomi);
    assertThat(ids(search(marker + " Huaw"))).containsExactly(huaweiEn);
    assertThat(ids(search(marker + " 小米耳机"))).containsExactly(xiaomi);

    JsonNode hit = search(marker + " 华为手机").get("content").get(0);
    assertThat(hit.get("id").asString()).isEqualTo(huaweiZh);
    assertThat(hit.get("title").asString()).isEqualTo("华为 智能 手机 Pro 256GB " + marker);
    assertThat(hit.get("highlight").asString()).isEqualTo("<em>华为</em> 智能 <em>手机</em> Pro 256GB <em>" + marker + "</em>");
  }

  @Test
  void suggestionsWhileTypingAreTheBestFewMatchesOfTheUnfinishedWord() {
    String marker = uniqueWord();
    String phone = createItem(marker + " Apple iPhone 15", "A17 chip", 599900, 5);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(search(marker))).containsExactly(phone));

    var answer = anonymous().get("/api/search/suggestions?q=" + encode(marker + " iPh"));
    assertThat(answer.status()).isEqualTo(200);
    JsonNode suggestions = answer.json().get("suggestions");
    assertThat(suggestions).hasSize(1);
    assertThat(suggestions.get(0).get("id").asString()).isEqualTo(phone);
    assertThat(suggestions.get(0).get("title").asString()).isEqualTo(marker + " Apple iPhone 15");
    assertThat(suggestions.get(0).get("highlight").asString()).isEqualTo("<em>" + marker + "</em> Apple <em>iPhone</em> 15");

    assertThat(anonymous().get("/api/search/suggestions?q=phon").json().get("suggestions").size())
        .isBetween(1, 8);
    assertThat(anonymous().get("/api/search/suggestions?q=").json().get("suggestions")).isEmpty();
    assertThat(anonymous().get("/api/search/suggestions?q=" + "x".repeat(201)).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"华为手机", "小米手机", "苹果手机", "华为耳机", "联想笔记本电脑", "海尔冰箱", "耐克运动鞋", "纯棉T恤"})
  void onTheDemoCatalogACompoundFindsWhatItsWordsFindWithSpaces(String compound) {
    // The word splitter's cut of the compound, written with spaces, as a shopper might.
    String spaced = switch (compound) {
      case "联想笔记本电脑" -> "联想 笔记本电脑";
      case "纯棉T恤" -> "纯棉 T恤";
      default -> compound.substring(0, 2) + " " + compound.substring(2);
    };
    assertThat(search(compound).get("totalElements").asLong())
        .isEqualTo(search(spaced).get("totalElements").asLong());
  }

  private JsonNode search(String query) {
    var answer = anonymous().get("/api/search?q=" + encode(query) + "&size=20");
    assertThat(answer.status()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("content").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  private String createItem(String title, String description, long price, long stock) {
    var created = admin().post("/api/admin/items", itemJson(title, description, price, stock));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private String itemJson(String title, String description, long price, long stock) {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    return ApiClient.json(Map.of(
        "title", title,
        "description", description,
        "price", Map.of("amount", price, "currency", "CNY"),
        "stock", stock,
        "categoryId", categoryId));
  }

  /** A made-up word (letters only, so the analyzers keep it whole) that no other item holds. */
  private static String uniqueWord() {
    StringBuilder word = new StringBuilder("zq");
    long n = System.nanoTime() ^ Thread.currentThread().getId() * 31;
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + Math.floorMod(n, 26)));
      n /= 26;
    }
    return word.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
