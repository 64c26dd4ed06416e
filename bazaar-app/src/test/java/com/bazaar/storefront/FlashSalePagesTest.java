package com.bazaar.storefront;

import static com.bazaar.storefront.PageClient.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shopper's flash-sale pages over HTTP: the list, the item page during a sale, buying and the ticket. */
class FlashSalePagesTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void aLiveSaleIsListedAndItsItemPageShowsTheFlashPriceTimeLeftAndUnitsLeft() {
    long itemId = items.create("秒杀页 flash page " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));

    Answer list = PageClient.anonymous(port).get("/flash-sales");
    assertThat(list.status()).isEqualTo(200);
    assertThat(card(list.body(), "data-sale-id=\"" + saleId + "\""))
        .contains("data-state=\"live\"", "¥50.00", "¥100.00", "-50%", "后结束", "剩余 5 / 5 · 每人限购 1");
    assertThat(PageClient.refreshSeconds(list.body())).as("no timed reload (WCAG 2.2.1)").isEqualTo(-1);
    assertThat(list.body()).contains("id=\"reload-flash-sales\"");

    Answer anonymousItem = PageClient.anonymous(port).get("/items/" + itemId);
    assertThat(anonymousItem.body())
        .contains("id=\"flash-sale\"", "data-state=\"live\"", "id=\"flash-price\"", "¥50.00", "后结束", "剩余 5 / 5 · 每人限购 1",
            "id=\"flash-login\"")
        .doesNotContain("id=\"flash-buy\"");

    Answer shopperItem = shopper().get("/items/" + itemId);
    assertThat(shopperItem.body()).contains("id=\"flash-buy-form\"", "/flash-sales/" + saleId + "/buy", "name=\"_csrf\"");
  }

  @Test
  void aGridCardCarriesTheFlashBadgeWhileItsItemsSaleIsOpen() {
    String categoryId = anonymous().get("/api/categories").json().get(0).get("id").asString();
    String marker = "zf" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    long live = itemThroughTheApi("秒杀卡片 live " + marker, categoryId);
    long soon = itemThroughTheApi("秒杀卡片 soon " + marker, categoryId);
    String search = "/search?q=" + marker;
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PageClient.anonymous(port).get(search).body())
        .contains("data-item-id=\"" + live + "\"", "data-item-id=\"" + soon + "\""));
    assertThat(PageClient.anonymous(port).get(search).body()).doesNotContain("item-flash-badge");

    sale(live, 5_000, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    sale(soon, 5_000, 5, 1, Instant.now().plusSeconds(1800), Instant.now().plusSeconds(3600));

    // The grid was cached without a badge; the open sale changes its key, at once on this node.
    String body = PageClient.anonymous(port).get(search).body();
    assertThat(card(body, "data-item-id=\"" + live + "\"")).contains("data-test=\"item-flash-badge\"");
    assertThat(card(body, "data-item-id=\"" + soon + "\"")).doesNotContain("item-flash-badge");
  }

  private long itemThroughTheApi(String title, String categoryId) {
    Answer created = admin().post("/api/admin/items", ApiClient.json(Map.of(
        "title", title, "description", "", "price", Map.of("amount", 10_000, "currency", "CNY"),
        "stock", 20, "categoryId", categoryId)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return Long.parseLong(created.json().get("id").asString());
  }

  @Test
  void anItemWithoutASaleShowsNoSaleBox() {
    long itemId = items.create("无秒杀 no sale " + System.nanoTime(), 10_000, 20);

    assertThat(PageClient.anonymous(port).get("/items/" + itemId).body()).doesNotContain("id=\"flash-sale\"");
  }

  @Test
  void buyingLeadsFromTheTicketToTheOrderAtTheFlashPrice() {
    long itemId = items.create("抢购 buy " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 4_990, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    PageClient shopper = shopper();

    Answer bought = shopper.post("/flash-sales/" + saleId + "/buy", Map.of("quantity", "1"));

    assertThat(bought.status()).isEqualTo(302);
    String ticketPage = location(bought);
    assertThat(ticketPage).matches("/flash-sales/" + saleId + "/tickets/[0-9]+");
    AtomicReference<String> orderPage = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Answer ticket = shopper.get(ticketPage);
      if (ticket.status() == 200) { // still queued: the page says so and asks to be reloaded
        assertThat(ticket.body()).contains("排队中");
        assertThat(PageClient.refreshSeconds(ticket.body())).isEqualTo(1);
      }
      assertThat(ticket.status()).isEqualTo(302);
      orderPage.set(location(ticket));
    });
    assertThat(orderPage.get()).matches("/orders/[0-9]+");
    Answer order = shopper.get(orderPage.get());
    assertThat(order.status()).isEqualTo(200);
    assertThat(order.body()).contains("PENDING_PAYMENT", "¥49.90", "抢购成功！您的秒杀订单已提交");
  }

  @Test
  void whenTheShopRunsShortTheTicketPageSaysTheOrderWasNotPlacedAndStopsRefreshing() {
    long itemId = items.create("缺货 short " + System.nanoTime(), 10_000, 1);
    String saleId = sale(itemId, 5_000, 1, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    Trades.place(newShopper(), itemId, 1); // the shop's last unit goes to an ordinary order
    PageClient shopper = shopper();
    String ticketPage = location(shopper.post("/flash-sales/" + saleId + "/buy", Map.of()));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(shopper.get(ticketPage).body()).contains("data-status=\"FAILED\"", "下单失败"));
    assertThat(PageClient.refreshSeconds(shopper.get(ticketPage).body())).isEqualTo(-1);
  }

  @Test
  void anotherShoppersTicketIsNotFound() {
    long itemId = items.create("别人的票 ticket " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    String ticketPage = location(shopper().post("/flash-sales/" + saleId + "/buy", Map.of()));

    Answer someoneElse = shopper().get(ticketPage);

    assertThat(someoneElse.status()).isEqualTo(404);
    assertThat(someoneElse.contentType()).startsWith("text/html");
  }

  @Test
  void aSecondPurchaseOverTheLimitIsExplainedOnTheItemPage() {
    long itemId = items.create("限购 limit " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    PageClient shopper = shopper();
    assertThat(location(shopper.post("/flash-sales/" + saleId + "/buy", Map.of()))).contains("/tickets/");

    Answer again = shopper.post("/flash-sales/" + saleId + "/buy", Map.of());

    assertThat(location(again)).isEqualTo("/items/" + itemId);
    assertThat(shopper.get("/items/" + itemId).body()).contains("id=\"flash-error\"", "每人限购数量（1 件）");
  }

  @Test
  void whenTheUnitsAreGoneTheNextShopperReadsSoldOut() {
    long itemId = items.create("抢光 sold out " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 1, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));
    assertThat(location(shopper().post("/flash-sales/" + saleId + "/buy", Map.of()))).contains("/tickets/");
    PageClient late = shopper();

    Answer refused = late.post("/flash-sales/" + saleId + "/buy", Map.of());

    assertThat(location(refused)).isEqualTo("/items/" + itemId);
    assertThat(late.get("/items/" + itemId).body()).contains("已抢光：本次秒杀的名额已全部售出");
    assertThat(late.get("/items/" + itemId).body())
        .contains("data-state=\"sold-out\"", "id=\"flash-sold-out\"")
        .doesNotContain("id=\"flash-buy\"");
  }

  @Test
  void aSaleNotYetStartedShowsWhenItStartsRefreshesThenAndRefusesToSell() {
    long itemId = items.create("预告 soon " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 5, 1, Instant.now().plusSeconds(600), Instant.now().plusSeconds(1800));
    PageClient shopper = shopper();

    Answer item = shopper.get("/items/" + itemId);
    assertThat(item.body())
        .contains("data-state=\"upcoming\"", " 开始（10 分钟后）")
        .doesNotContain("id=\"flash-buy\"");
    assertThat(PageClient.refreshSeconds(item.body())).isBetween(290, 300); // capped at 5 min; it opens in 10

    Answer early = shopper.post("/flash-sales/" + saleId + "/buy", Map.of());
    assertThat(location(early)).isEqualTo("/items/" + itemId);
    assertThat(shopper.get("/items/" + itemId).body()).contains("秒杀尚未开始");
  }

  @Test
  void visitorsAreSentToLogInBeforeBuyingAndUnknownSalesAreNotFound() {
    long itemId = items.create("访客 visitor " + System.nanoTime(), 10_000, 20);
    String saleId = sale(itemId, 5_000, 5, 1, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1800));

    Answer anonymous = PageClient.anonymous(port).post("/flash-sales/" + saleId + "/buy", Map.of());
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(location(anonymous)).isEqualTo("/login");

    assertThat(shopper().post("/flash-sales/1/buy", Map.of()).status()).isEqualTo(404);
    assertThat(shopper().get("/flash-sales/" + saleId + "/tickets/1").status()).isEqualTo(404);
  }

  private String sale(long itemId, long price, int stock, int limit, Instant startsAt, Instant endsAt) {
    Answer created = admin().post("/api/admin/flash-sales", ApiClient.json(Map.of(
        "itemId", String.valueOf(itemId),
        "price", Map.of("amount", price, "currency", "CNY"),
        "stock", stock,
        "startsAt", startsAt.toString(),
        "endsAt", endsAt.toString(),
        "limitPerUser", limit)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** A newly registered shopper, logged in on a page client of their own. */
  private PageClient shopper() {
    String username = "flashpage" + System.nanoTime() % 1_000_000_000L;
    new ApiClient(port).registerAndLogin(username);
    return PageClient.loggedIn(port, username, "password-" + username);
  }

  /** The list element of the page that carries this attribute. */
  private static String card(String page, String attribute) {
    int at = page.indexOf(attribute);
    assertThat(at).as("element with " + attribute).isNotNegative();
    int start = page.lastIndexOf("<li", at);
    return page.substring(start, page.indexOf("</li>", at));
  }
}
