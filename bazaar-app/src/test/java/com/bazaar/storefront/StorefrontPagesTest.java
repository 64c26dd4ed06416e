package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.platform.Money;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestHttpClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The shop's pages over real HTTP, as a browser asks for them (Accept: text/html). */
class StorefrontPagesTest extends ApiTest {
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html");
  private static final ShopFormat FORMAT = new ShopFormat();

  @Test
  void homePageShowsTheShopAndItsNewestItems() {
    JsonNode newest = anonymous().get("/api/items?size=1").json().get("content").get(0);

    Answer home = page(anonymous(), "/");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.contentType()).startsWith("text/html");
    assertThat(home.body()).contains("Bazaar", "集市", "data-test=\"item-card\"", html(newest.get("title").asString()));
  }

  @Test
  void itemPageShowsTitleDescriptionPriceAndAnAddToCartFormWithACsrfToken() {
    JsonNode item = anonymous().get("/api/items?size=1").json().get("content").get(0);
    long amount = item.get("price").get("amount").asLong();

    Answer page = page(anonymous(), "/items/" + item.get("id").asString());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(html(item.get("title").asString()))
        .contains(FORMAT.price(Money.of(amount, item.get("price").get("currency").asString())))
        .contains("item-description");
    if (item.get("stock").asLong() > 0) {
      assertThat(page.body()).contains("id=\"add-to-cart-form\"", "name=\"_csrf\"");
    }
  }

  @Test
  void aSearchPageBeyondTheResultWindowShowsAHintNotAnError() {
    // 89478485 × 24 is just below 2^31: the deepest page the shop accepted before the window.
    Answer deep = page(anonymous(), "/search?q=phone&page=89478485");

    assertThat(deep.status()).isEqualTo(200);
    assertThat(deep.body()).contains("data-test=\"search-hint\"", "只显示前 10000 条结果");
  }

  @Test
  void aListPageBeyondTheResultWindowIsTheShopsBadRequestPage() {
    for (String path : new String[] {"/?page=89478485", "/?page=417"}) {
      Answer deep = page(anonymous(), path);
      assertThat(deep.status()).as(path).isEqualTo(400);
      assertThat(deep.contentType()).startsWith("text/html");
    }
  }

  @Test
  void unknownItemGivesTheShopsNotFoundPage() {
    Answer page = page(anonymous(), "/items/1");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("Bazaar", "404");
  }

  @Test
  void searchInChineseAnswersWithAResultsPage() {
    Answer page = page(anonymous(), "/search?q=" + URLEncoder.encode("手机", StandardCharsets.UTF_8));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("手机", "搜索结果");
  }

  @Test
  void searchResultsShowTheMatchedWordsHighlightedAndTheTitleStillEscaped() {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String marker = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    String title = "<script>alert(1)</script> 华为 手机 " + marker;
    Answer created = admin().post("/api/admin/items", ApiClient.json(Map.of(
        "title", title, "description", "", "price", Map.of("amount", 1999, "currency", "CNY"),
        "stock", 5, "categoryId", categoryId)));
    assertThat(created.status()).isEqualTo(201);
    String search = "/search?q=" + URLEncoder.encode("华为手机 " + marker, StandardCharsets.UTF_8);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page(anonymous(), search).body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; <em>华为</em> <em>手机</em> <em>" + marker + "</em>")
        .doesNotContain("<script>alert"));
  }

  @Test
  void blankSearchShowsAFriendlyHintInsteadOfAnError() {
    Answer page = page(anonymous(), "/search?q=+");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"search-hint\"");
  }

  @Test
  void loginPageHasTheFormSpringSecurityExpects() {
    Answer page = page(anonymous(), "/login");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
  }

  @Test
  void cartOfAnAnonymousVisitorRedirectsToLogin() {
    Answer page = browserGet("/cart");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
  }

  @Test
  void signUpPageSendsALoggedInShopperHome() {
    assertThat(page(anonymous(), "/register").status()).isEqualTo(200);

    Answer page = page(newShopper(), "/register");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/");
  }

  @Test
  void adminPagesAreClosedToShoppers() {
    assertThat(page(newShopper(), "/admin/items").status()).isEqualTo(403);
    assertThat(page(newShopper(), "/admin/operations").status()).isEqualTo(403);
  }

  @Test
  void theOperationsPageShowsTheNodesFiguresToAdmins() {
    Answer page = page(admin(), "/admin/operations");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("来源：this node&#39;s meters since it started", "outbox backlog",
        "orders placed / paid / cancelled", "flash tickets waiting", "data-test=\"no-alerts\"");
  }

  @Test
  void listPagesShowANewItemAndAChangedStockAtOnceThoughTheirGridsAreKept() {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    assertThat(page(anonymous(), "/").status()).isEqualTo(200); // the grid is now rendered and kept
    page(anonymous(), "/categories/" + categoryId);
    String title = "网格缓存 <b>grid</b> " + System.nanoTime();

    Answer created = admin().post("/api/admin/items", ApiClient.json(Map.of(
        "title", title,
        "description", "kept grids",
        "price", Map.of("amount", 1999, "currency", "CNY"),
        "stock", 7,
        "categoryId", categoryId)));
    String id = created.json().get("id").asString();

    assertThat(card(page(anonymous(), "/").body(), id)).contains(html(title), "库存 7").doesNotContain("<b>grid</b>");
    assertThat(page(newShopper(), "/categories/" + categoryId).body()).contains(html(title));
    assertThat(newShopper().post("/api/orders", ApiClient.json(Map.of("lines", java.util.List.of(
        Map.of("itemId", id, "quantity", 2))))).status()).isEqualTo(201);
    assertThat(card(page(anonymous(), "/").body(), id)).contains("库存 5");
  }

  /** The grid card of one item on a list page. */
  private static String card(String page, String itemId) {
    int start = page.indexOf("data-item-id=\"" + itemId + "\"");
    assertThat(start).as("card of item " + itemId).isNotNegative();
    return page.substring(start, page.indexOf("</li>", start));
  }

  @Test
  void itemTitlesAreEscapedNeverInjectedAsMarkup() {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String title = "<script>alert('xss')</script> 手机壳 " + System.nanoTime();
    Answer created =
        admin()
            .post(
                "/api/admin/items",
                ApiClient.json(
                    Map.of(
                        "title", title,
                        "description", "<b>bold</b> & <img src=x onerror=alert(1)>",
                        "price", Map.of("amount", 1999, "currency", "CNY"),
                        "stock", 5,
                        "categoryId", categoryId)));
    assertThat(created.status()).isEqualTo(201);

    Answer page = page(anonymous(), "/items/" + created.json().get("id").asString());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
        .contains("¥19.99");
  }

  @Test
  void stylesheetIsServedUnderAContentVersionedUrlWithLongCacheHeaders() {
    Answer home = page(anonymous(), "/");
    Matcher css = Pattern.compile("/css/shop-[0-9a-f]{32}\\.css").matcher(home.body());
    assertThat(css.find()).as("content-versioned stylesheet link").isTrue();

    Answer stylesheet = anonymous().send("GET", css.group(), null, Map.of("Accept", "text/css"));

    assertThat(stylesheet.status()).isEqualTo(200);
    assertThat(stylesheet.header("Cache-Control")).contains("max-age=604800");
  }

  private static Answer page(ApiClient client, String path) {
    return client.send("GET", path, null, BROWSER);
  }

  /** A page as a browser asks for it: no X-Requested-With header, which would mark it as an API call. */
  private Answer browserGet(String path) {
    HttpClient http = TestHttpClients.builder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html").GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text as Thymeleaf's th:text writes it. */
  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
