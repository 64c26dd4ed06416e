package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's browsing contract (API.md): {@code sort} and a price range on /api/items, newest
 * first when neither is given, and a 400 problem for every bad value. Each test prices its own
 * items in a band no other item uses, so the price filter isolates them.
 */
class CatalogBrowsingApiTest extends ApiTest {
  @Autowired TestItems items;

  private static List<Long> ids(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    answer.json().get("content").forEach(item -> ids.add(Long.parseLong(item.get("id").asString())));
    return ids;
  }

  private static void assertInvalid(ApiClient.Answer answer, String field, String detailPart) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    answer.json().get("errors").forEach(e -> {
      fields.add(e.get("field").asString());
      messages.add(e.get("message").asString());
    });
    assertThat(fields).contains(field);
    assertThat(String.join(" ", messages) + answer.json().path("detail").asString()).contains(detailPart);
  }

  /** Its items are in no category (category 0), which only rows written behind the app's back can be. */
  @Test
  @Tag(IN_PROCESS)
  void itemsSortByPriceBothWaysWithTiesNewestFirst() {
    long cheap = items.create("Band A cheap", 700_001, 1);
    long dear = items.create("Band A dear", 700_009, 1);
    long middleOld = items.create("Band A middle old", 700_005, 1);
    long middleNew = items.create("Band A middle new", 700_005, 1);
    String band = "&minPrice=700001&maxPrice=700009";

    assertThat(ids(anonymous().get("/api/items?sort=price_asc" + band)))
        .containsExactly(cheap, middleNew, middleOld, dear);
    assertThat(ids(anonymous().get("/api/items?sort=price_desc" + band)))
        .containsExactly(dear, middleNew, middleOld, cheap);
    assertThat(ids(anonymous().get("/api/items?sort=newest" + band)))
        .containsExactly(middleNew, middleOld, dear, cheap);
    assertThat(ids(anonymous().get("/api/items?categoryId=0&sort=price_asc" + band)))
        .containsExactly(cheap, middleNew, middleOld, dear);
  }

  @Test
  void withoutSortOrFilterTheOrderIsTodaysNewestFirst() {
    List<Long> before = ids(anonymous().get("/api/items?size=30"));
    assertThat(ids(anonymous().get("/api/items?size=30&sort=newest"))).isEqualTo(before);
    assertThat(before).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void thePriceRangeIncludesBothEndsAndCountsOnlyWhatItKeeps() {
    long low = items.create("Band B low", 710_001, 1);
    long inside = items.create("Band B inside", 710_005, 1);
    long high = items.create("Band B high", 710_009, 1);
    items.create("Band B outside", 710_011, 1);

    var answer = anonymous().get("/api/items?minPrice=710001&maxPrice=710009&sort=price_asc");

    assertThat(ids(answer)).containsExactly(low, inside, high);
    assertThat(answer.json().get("totalElements").asLong()).isEqualTo(3);
    assertThat(ids(anonymous().get("/api/items?minPrice=710005&maxPrice=710005"))).containsExactly(inside);
  }

  @Test
  void bestSellingFirstUsesTheSalesCountsThenNewest() {
    long once = items.create("Band C sold once", 720_001, 10);
    long thrice = items.create("Band C sold thrice", 720_002, 10);
    long never = items.create("Band C never sold", 720_003, 10);
    ApiClient shopper = newShopper();
    Trades.pay(shopper, Trades.place(shopper, once, 1));
    Trades.pay(shopper, Trades.place(shopper, thrice, 3));
    await().atMost(Duration.ofSeconds(20)).until(() -> Trades.sold(anonymous(), thrice) == 3
        && Trades.sold(anonymous(), once) == 1);

    assertThat(ids(anonymous().get("/api/items?sort=sales&minPrice=720001&maxPrice=720003")))
        .containsExactly(thrice, once, never);
    var paged = anonymous().get("/api/items?sort=sales&minPrice=720001&maxPrice=720003&page=1&size=2");
    assertThat(ids(paged)).containsExactly(never);
    assertThat(paged.json().get("totalElements").asLong()).isEqualTo(3);
  }

  @Test
  void anUnknownSortIsRefusedListingTheAllowedValues() {
    for (String sort : new String[] {"cheapest", "PRICE_ASC", "%20", "price_asc;drop", "%00"}) {
      assertInvalid(anonymous().get("/api/items?sort=" + sort), "sort", "newest, price_asc, price_desc, sales");
    }
  }

  @Test
  void badPriceRangesAreRefused() {
    assertInvalid(anonymous().get("/api/items?minPrice=-1"), "minPrice", "≥ 0");
    assertInvalid(anonymous().get("/api/items?maxPrice=-5"), "maxPrice", "≥ 0");
    assertInvalid(anonymous().get("/api/items?minPrice=500&maxPrice=499"), "maxPrice", "minPrice");
    for (String bad : new String[] {"abc", "1.5", "99999999999999999999", "1e3"}) {
      var answer = anonymous().get("/api/items?minPrice=" + bad);
      assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aHugeButValidRangeIsNoProblem() {
    var answer = anonymous().get("/api/items?minPrice=0&maxPrice=" + Long.MAX_VALUE + "&sort=price_desc");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode content = answer.json().get("content");
    assertThat(content.size()).isPositive();
    assertThat(content.get(0).get("imageUrl").asString()).startsWith("/images/");
  }
}
