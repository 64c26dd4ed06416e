package com.bazaar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.PriceRange;
import com.bazaar.flashsale.SqlOnRequestThreads;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockLine;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.ItemId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Listing pages (/api/items) are cached as their ids and total, their items read through the
 * item cache: a repeated listing runs no SQL, yet shows a new item, a price or a category change
 * and a stock change at once. Each test prices its items in a band of its own, so the price
 * filter isolates them; SQL is counted as connections taken by request threads.
 */
@Import(SqlOnRequestThreads.class)
class ItemListingCacheTest extends ApiTest {
  @Autowired TestItems items;
  @Autowired Inventory inventory;
  @Autowired TransactionTemplate transaction;
  @Autowired CacheManager caches;

  @Test
  void aSecondIdenticalListingRunsNoSql() {
    long older = items.create("Band L older", 730_001, 3);
    long newer = items.create("Band L newer", 730_002, 4);
    String listing = "/api/items?minPrice=730001&maxPrice=730009";

    Counted cold = sqlCounted(listing);
    Counted warm = sqlCounted(listing);

    assertThat(ids(cold.page())).containsExactly(newer, older);
    assertThat(cold.connections()).as("connections taken by the first listing").isPositive();
    assertThat(warm.connections()).as("connections taken by the same listing again").isZero();
    assertThat(warm.page()).isEqualTo(cold.page());
  }

  @Test
  void aNewItemAPriceChangeAndACategoryChangeShowInTheVeryNextListing() {
    ApiClient admin = admin();
    List<String> categories = new ArrayList<>();
    anonymous().get("/api/categories").json().forEach(category -> categories.add(category.get("id").asString()));
    String home = categories.get(0);
    String away = categories.get(1);
    String band = "&minPrice=740001&maxPrice=740009";
    String atHome = "/api/items?categoryId=" + home + band;
    String byPrice = "/api/items?sort=price_asc" + band;
    String awayFromHome = "/api/items?categoryId=" + away + band;
    long first = create(admin, "Band M first", 740_005, home);
    assertThat(ids(cachedPage(atHome))).containsExactly(first);
    assertThat(ids(cachedPage(awayFromHome))).isEmpty();

    long second = create(admin, "Band M second", 740_007, home);
    JsonNode withTheNewItem = page(atHome);
    assertThat(ids(withTheNewItem)).containsExactly(second, first);
    assertThat(withTheNewItem.get("totalElements").asLong()).isEqualTo(2);

    assertThat(ids(cachedPage(byPrice))).containsExactly(first, second);
    update(admin, second, 740_002, home);
    JsonNode cheaperFirst = page(byPrice);
    assertThat(ids(cheaperFirst)).containsExactly(second, first);
    assertThat(cheaperFirst.get("content").get(0).get("price").get("amount").asLong()).isEqualTo(740_002);

    cachedPage(atHome);
    update(admin, first, 740_005, away);
    assertThat(ids(page(atHome))).containsExactly(second);
    assertThat(ids(page(awayFromHome))).containsExactly(first);
  }

  @Test
  void aStockChangeShowsInTheNextListingWhileItsIdsStayCached() {
    long item = items.create("Band N", 750_001, 5);
    String listing = "/api/items?minPrice=750001&maxPrice=750009";
    String key = CatalogCache.listingKey(Optional.empty(), new PriceRange(750_001, 750_009), ItemOrder.NEWEST,
        new PageSpec(0, 20));
    assertThat(stockOfFirst(cachedPage(listing))).isEqualTo(5);
    assertThat(caches.getCache("listings").get(key)).as("the listing's ids were cached").isNotNull();

    assertThat(admin().post("/api/admin/items/" + item + "/stock", "{\"delta\":3}").status()).isEqualTo(200);
    assertThat(stockOfFirst(page(listing))).isEqualTo(8);

    // A buyer's reservation, as the order module makes it.
    transaction.executeWithoutResult(s -> inventory.reserve(List.of(new StockLine(ItemId.of(item), 2))));
    assertThat(caches.getCache("listings").get(key)).as("the ids are still cached after the stock changes").isNotNull();
    assertThat(stockOfFirst(page(listing))).isEqualTo(6);
  }

  private JsonNode page(String listing) {
    ApiClient.Answer answer = anonymous().get(listing);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** The listing, read twice so that it is cached before the change a test makes next. */
  private JsonNode cachedPage(String listing) {
    page(listing);
    return page(listing);
  }

  private record Counted(JsonNode page, long connections) {}

  private Counted sqlCounted(String listing) {
    long before = SqlOnRequestThreads.count();
    JsonNode page = page(listing);
    return new Counted(page, SqlOnRequestThreads.count() - before);
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("content").forEach(item -> ids.add(Long.parseLong(item.get("id").asString())));
    return ids;
  }

  private static long stockOfFirst(JsonNode page) {
    return page.get("content").get(0).get("stock").asLong();
  }

  private static long create(ApiClient admin, String title, long amount, String categoryId) {
    var created = admin.post("/api/admin/items", ApiClient.json(TestItems.itemBody(title, amount, 1, categoryId)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return Long.parseLong(created.json().get("id").asString());
  }

  private static void update(ApiClient admin, long item, long amount, String categoryId) {
    var updated = admin.put("/api/admin/items/" + item,
        ApiClient.json(TestItems.itemBody("Band M changed", amount, 1, categoryId)));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
  }
}
