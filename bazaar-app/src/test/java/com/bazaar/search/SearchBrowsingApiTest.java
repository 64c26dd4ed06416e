package com.bazaar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 14 on /api/search: the catalog's orders and price range over the matches, best match by default. */
class SearchBrowsingApiTest extends ApiTest {
  @Autowired TestItems items;

  private long cheap;
  private long dear;
  private long middle;

  private static List<Long> ids(ApiClient.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    answer.json().get("content").forEach(item -> ids.add(Long.parseLong(item.get("id").asString())));
    return ids;
  }

  @BeforeEach
  void threeMatches() {
    String word = "quorbly" + System.nanoTime() % 100_000;
    cheap = items.create(word + " cheap", 500, 1);
    dear = items.create(word + " dear", 90_000, 1);
    middle = items.create(word + " " + word + " middle", 5_000, 1);
    this.word = word;
    await().atMost(Duration.ofSeconds(20)).until(() -> ids(anonymous().get("/api/search?q=" + word)).size() == 3);
  }

  private String word;

  @Test
  void matchesSortByPriceNewestOrRelevance() {
    assertThat(ids(anonymous().get("/api/search?q=" + word + "&sort=price_asc"))).containsExactly(cheap, middle, dear);
    assertThat(ids(anonymous().get("/api/search?q=" + word + "&sort=price_desc"))).containsExactly(dear, middle, cheap);
    assertThat(ids(anonymous().get("/api/search?q=" + word + "&sort=newest"))).containsExactly(middle, dear, cheap);
    assertThat(ids(anonymous().get("/api/search?q=" + word + "&sort=relevance")))
        .isEqualTo(ids(anonymous().get("/api/search?q=" + word)));
  }

  @Test
  void thePriceRangeFiltersMatchesAndKeepsTheRankOrder() {
    List<Long> ranked = ids(anonymous().get("/api/search?q=" + word));
    var answer = anonymous().get("/api/search?q=" + word + "&minPrice=500&maxPrice=5000");

    assertThat(ids(answer)).containsExactly(ranked.stream().filter(id -> id != dear).toArray(Long[]::new));
    assertThat(answer.json().get("totalElements").asLong()).isEqualTo(2);
    var second = anonymous().get("/api/search?q=" + word + "&sort=price_asc&minPrice=500&page=1&size=2");
    assertThat(ids(second)).containsExactly(dear);
    assertThat(second.json().get("content").get(0).get("highlight").asString()).contains("<em>");
  }

  @Test
  void badSortsAndRangesAre400ListingTheAllowedValues() {
    var sort = anonymous().get("/api/search?q=" + word + "&sort=best");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.contentType()).startsWith("application/problem+json");
    assertThat(sort.body()).contains("relevance, newest, price_asc, price_desc, sales");
    assertThat(anonymous().get("/api/search?q=" + word + "&minPrice=-1").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/search?q=" + word + "&minPrice=9&maxPrice=8").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/search?q=" + word + "&maxPrice=x").status()).isEqualTo(400);
  }
}
