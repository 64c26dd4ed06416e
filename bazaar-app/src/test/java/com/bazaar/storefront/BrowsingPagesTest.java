package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.TestPictures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14's list pages over real HTTP: sort and price range (in yuan) on the home, category
 * and search pages, numbered pages with a jump box, pictures on the cards and the item page,
 * and the cart count in a shopper's header.
 */
class BrowsingPagesTest extends ApiTest {
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html");
  private static final Pattern CARD = Pattern.compile("data-item-id=\"(\\d+)\"");

  @Autowired TestItems items;

  private static Answer page(ApiClient client, String path) {
    return client.send("GET", path, null, BROWSER);
  }

  private static List<Long> cardIds(Answer page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    Matcher m = CARD.matcher(page.body());
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  @Test
  void theCategoryStripLightsThePagesCategoryOnlyAndSpeaksItsLanguage() {
    List<String> categories = new ArrayList<>();
    anonymous().get("/api/categories").json().forEach(c -> {
      if (c.path("parentId").isNull() || c.path("parentId").isMissingNode()) {
        categories.add(c.path("id").asString());
      }
    });
    String first = categories.get(0);
    String second = categories.get(1);

    // the same strips are kept between pages: each page must still light its own category
    for (String lit : List.of(first, second, first)) {
      Answer page = page(anonymous(), "/categories/" + lit);
      assertThat(page.status()).isEqualTo(200);
      assertThat(litCategories(page.body())).containsExactly(lit);
      assertThat(page.body()).contains("aria-label=\"商品分类\"");
    }
    Answer home = page(anonymous(), "/");
    assertThat(litCategories(home.body())).isEmpty();
    assertThat(home.body()).contains("data-test=\"category-link\"");
    Answer english = anonymous().send("GET", "/categories/" + first, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
    assertThat(litCategories(english.body())).containsExactly(first);
    assertThat(english.body()).contains("aria-label=\"Categories\"").doesNotContain("aria-label=\"商品分类\"");
  }

  /** The ids of the strip's links drawn lit ({@code class="active"}). */
  private static List<String> litCategories(String html) {
    List<String> lit = new ArrayList<>();
    Matcher m = Pattern.compile("<a href=\"/categories/(\\d+)\"[^>]*class=\"active\"").matcher(html);
    while (m.find()) {
      lit.add(m.group(1));
    }
    return lit;
  }

  @Test
  void theHomePageSortsByPriceWithinAPriceRangeTypedInYuan() {
    long cheap = items.create("Page band cheap", 730_001, 1);
    long dear = items.create("Page band dear", 730_009, 1);
    items.create("Page band outside", 730_011, 1);

    Answer asc = page(anonymous(), "/?sort=price_asc&min=7300.01&max=7300.09");
    Answer desc = page(anonymous(), "/?sort=price_desc&min=7300.01&max=7300.09");

    assertThat(cardIds(asc)).containsExactly(cheap, dear);
    assertThat(cardIds(desc)).containsExactly(dear, cheap);
    assertThat(asc.body()).contains("data-test=\"browse-controls\"", "value=\"7300.01\"",
        "<option value=\"price_asc\" selected=\"selected\"");
  }

  @Test
  void aCategoryPageSortsItsItemsByPrice() {
    String category = anonymous().get("/api/categories").json().get(0).get("id").asString();
    List<Long> expected = new ArrayList<>();
    anonymous().get("/api/items?size=24&sort=price_asc&categoryId=" + category).json().get("content")
        .forEach(item -> expected.add(Long.parseLong(item.get("id").asString())));

    assertThat(cardIds(page(anonymous(), "/categories/" + category + "?sort=price_asc"))).isEqualTo(expected);
  }

  @Test
  void badSortsAndPricesGiveTheShopsBadRequestPage() {
    for (String path : new String[] {"/?sort=cheapest", "/?min=-1", "/?min=5&max=4", "/?max=abc", "/?min=1.999",
        "/categories/1?sort=x", "/?to=0", "/?to=-3", "/?page=abc", "/?to=x", "/categories/1?page=-1"}) {
      Answer answer = page(anonymous(), path);
      assertThat(answer.status()).as(path).isIn(400, 404);
      assertThat(answer.contentType()).as(path).startsWith("text/html");
    }
  }

  @Test
  void listPagesAreNumberedWithAJumpBoxThatKeepsTheSortAndRange() {
    Answer third = page(anonymous(), "/?to=3&sort=price_desc&min=1");

    assertThat(third.status()).isEqualTo(200);
    assertThat(third.body())
        .contains("data-test=\"current-page\"", "aria-current=\"page\"", ">3</span>")
        .contains("data-test=\"jump-form\"", "name=\"to\"")
        .contains("href=\"/?sort=price_desc&amp;min=1&amp;page=1\"")
        .contains("<input type=\"hidden\" name=\"sort\" value=\"price_desc\">");
    List<Long> viaJump = cardIds(third);
    assertThat(cardIds(page(anonymous(), "/?page=2&sort=price_desc&min=1"))).isEqualTo(viaJump);
  }

  @Test
  void aJumpPastTheLastPageLandsOnTheLastPage() {
    Answer far = page(anonymous(), "/?to=400");

    assertThat(far.status()).isEqualTo(302);
    String location = far.header("Location");
    assertThat(location).contains("page=");
    Answer last = page(anonymous(), location.replaceFirst("^https?://[^/]+", ""));
    assertThat(cardIds(last)).isNotEmpty();
    assertThat(last.body()).doesNotContain("data-test=\"next-page\"");
  }

  @Test
  void searchResultsSortByPriceOnTheSearchPage() {
    String word = "plimbus" + System.nanoTime() % 100_000;
    long cheap = items.create(word + " cheap", 100, 1);
    long dear = items.create(word + " dear", 200_000, 1);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> anonymous().get("/api/search?q=" + word).json().get("totalElements").asLong() == 2);

    Answer page = page(anonymous(), "/search?q=" + word + "&sort=price_desc");

    assertThat(cardIds(page)).containsExactly(dear, cheap);
    assertThat(page.body()).contains("<option value=\"relevance\"", "name=\"q\" value=\"" + word + "\"");
  }

  @Test
  void cardsAndTheItemPageShowThePictureWithAltTextLazilyInAFixedBox() {
    long item = items.create("Pictured page kettle", 1_990, 1);
    String imageUrl = anonymous().get("/api/items/" + item).json().get("imageUrl").asString();

    Answer home = page(anonymous(), "/");
    Answer detail = page(anonymous(), "/items/" + item);

    assertThat(home.body()).contains("src=\"" + imageUrl + "\"", "alt=\"Pictured page kettle\"", "loading=\"lazy\"",
        "width=\"400\" height=\"300\"");
    assertThat(detail.body()).contains("src=\"" + imageUrl + "\"", "alt=\"Pictured page kettle\"");
  }

  @Test
  void aShoppersHeaderCountsTheUnitsInTheCartAndVisitorsGetNoSession() {
    long item = items.create("Counted cart kettle", 1_990, 10);
    ApiClient shopper = newShopper();
    assertThat(page(shopper, "/").body()).doesNotContain("data-test=\"cart-count\"");

    assertThat(shopper.put("/api/cart/items/" + item, ApiClient.json(Map.of("quantity", 3))).status()).isEqualTo(200);

    assertThat(page(shopper, "/").body()).contains("data-test=\"cart-count\"", ">3</span>");
    assertThat(shopper.delete("/api/cart/items/" + item).status()).isEqualTo(200);
    assertThat(page(shopper, "/").body()).doesNotContain("data-test=\"cart-count\"");
    Answer visitor = new ApiClient(port).send("GET", "/?sort=price_asc&to=2", null, BROWSER);
    assertThat(visitor.body()).doesNotContain("cart-count");
    assertThat(visitor.header("Set-Cookie") == null || !visitor.header("Set-Cookie").contains("SESSION"))
        .as("an anonymous list page creates no session").isTrue();
  }

  @Test
  void anAdminUploadsAPictureOnTheItemFormAndABadFileIsExplainedThere() {
    long item = items.create("Form pictured kettle", 1_990, 1);
    ApiClient admin = admin();
    String form = page(admin, "/admin/items/" + item + "/edit").body();
    assertThat(form).contains("data-test=\"picture-form\"", "enctype=\"multipart/form-data\"");
    // The form posts to its action, CSRF token in the URL (a body too large is never parsed for it).
    Matcher action = Pattern.compile("action=\"(/admin/items/" + item + "/image\\?_csrf=[^\"]+)\"").matcher(form);
    assertThat(action.find()).as("the picture form's action").isTrue();
    String upload = action.group(1).replace("&amp;", "&");

    Answer bad = admin.upload(upload, "image", "k.png", "image/png",
        "plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(bad.status()).as(bad.body()).isEqualTo(302);
    assertThat(page(admin, "/admin/items/" + item + "/edit").body()).contains("data-test=\"flash-error\"", "图片未更改", "PNG、JPEG 或 WebP");

    Answer good = admin.upload(upload, "image", "k.png", "image/png", TestPictures.png(java.awt.Color.MAGENTA));
    assertThat(good.status()).as(good.body()).isEqualTo(302);
    assertThat(anonymous().get("/api/items/" + item).json().get("imageUrl").asString()).matches("/images/[0-9a-f]{32}\\.png");
    assertThat(admin.upload("/admin/items/" + item + "/image", "image", "k.png", "image/png",
        TestPictures.png(java.awt.Color.PINK)).status()).as("without the token").isEqualTo(403);
    Answer huge = admin.upload(upload, "image", "huge.png", "image/png",
        java.util.Arrays.copyOf(TestPictures.png(java.awt.Color.GRAY), 2 * 1024 * 1024 + 10), BROWSER);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.body()).contains("图片最大 2 MB");
    assertThat(newShopper().upload("/admin/items/" + item + "/image", "image", "k.png", "image/png",
        TestPictures.png(java.awt.Color.CYAN)).status()).isEqualTo(403);
  }
}
