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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin pages of issue 13 over HTTP: who may open them, and what each shows and changes. */
class AdminPagesTest extends ApiTest {
  private static final String[] ADMIN_PAGES = {
    "/admin", "/admin/orders", "/admin/orders/1", "/admin/flash-sales", "/admin/flash-sales/new", "/admin/flash-sales/1",
    "/admin/users"
  };

  @Autowired TestItems items;

  @Test
  void shoppersAreRefusedEveryAdminPageAndVisitorsAreSentToLogIn() {
    Account shopper = newAccount("notadmin");
    for (String path : ADMIN_PAGES) {
      assertThat(shopper.pages.get(path).status()).as(path).isEqualTo(403);
      Answer visitor = PageClient.anonymous(port).get(path);
      assertThat(visitor.status()).as(path).isEqualTo(302);
      assertThat(location(visitor)).as(path).isEqualTo("/login");
    }
    assertThat(shopper.pages.post("/admin/users/" + shopper.id + "/role", Map.of("role", "ADMIN")).status()).isEqualTo(403);
    assertThat(shopper.pages.post("/admin/flash-sales", Map.of("itemId", "1")).status()).isEqualTo(403);
    assertThat(shopper.pages.get("/").body()).doesNotContain("id=\"admin-link\"");
  }

  @Test
  void theDashboardCountsTodaysOrdersAndRevenueAndListsLowStock() {
    PageClient admin = adminPages();
    long ordersBefore = figure(admin.get("/admin").body(), "orders-today");
    long revenueBefore = revenueFen(admin.get("/admin").body());
    Account buyer = newAccount("dash");
    long itemId = items.create("仪表盘 dashboard " + System.nanoTime(), 12_345, 2);
    Trades.pay(buyer.api, Trades.place(buyer.api, itemId, 1));
    Trades.place(buyer.api, itemId, 1); // takes the last unit: stock 0

    String dashboard = admin.get("/admin").body();

    assertThat(figure(dashboard, "orders-today")).isGreaterThanOrEqualTo(ordersBefore + 2);
    assertThat(revenueFen(dashboard)).isGreaterThanOrEqualTo(revenueBefore + 12_345);
    assertThat(dashboard).contains("id=\"admin-nav\"", "id=\"low-stock\"");
    Matcher levels = Pattern.compile("data-test=\"low-stock-level\"[^>]*>([0-9]+)<").matcher(dashboard);
    int rows = 0;
    while (levels.find()) {
      assertThat(Long.parseLong(levels.group(1))).isLessThanOrEqualTo(AdminDashboardPage.LOW_STOCK);
      rows++;
    }
    assertThat(rows).isBetween(1, 10);
  }

  @Test
  void adminsFindOrdersByIdBuyerAndStatus() {
    PageClient admin = adminPages();
    Account buyer = newAccount("orders");
    long itemId = items.create("订单查询 order search " + System.nanoTime(), 2_000, 10);
    String paid = Trades.place(buyer.api, itemId, 1);
    Trades.pay(buyer.api, paid);
    String pending = Trades.place(buyer.api, itemId, 2);

    Answer byId = admin.get("/admin/orders?q=" + paid);
    assertThat(location(byId)).isEqualTo("/admin/orders/" + paid);
    assertThat(admin.get("/admin/orders/" + paid).body())
        .contains("id=\"admin-order-status\"", "data-status=\"PAID\"", ">已付款<", buyer.username, "订单查询 order search",
            "¥20.00");

    String byBuyer = admin.get("/admin/orders?q=" + buyer.username).body();
    assertThat(byBuyer).contains("data-order-id=\"" + paid + "\"", "data-order-id=\"" + pending + "\"");
    assertThat(byBuyer).as("statuses in words, the code kept for scripts")
        .contains("data-status=\"PENDING_PAYMENT\"", ">待付款<", "data-status=\"PAID\"", ">已付款<")
        .doesNotContain(">PENDING_PAYMENT<", ">PAID<");
    admin.get("/language?lang=en&return=/admin/orders");
    assertThat(admin.get("/admin/orders?q=" + buyer.username).body())
        .contains("data-status=\"PENDING_PAYMENT\"", ">Awaiting payment<").doesNotContain(">PENDING_PAYMENT<");
    admin.get("/language?lang=zh-CN&return=/admin/orders");
    String byBuyerId = admin.get("/admin/orders?q=" + buyer.id).body();
    assertThat(byBuyerId).contains("data-order-id=\"" + paid + "\"", "data-order-id=\"" + pending + "\"");
    String paidOnly = admin.get("/admin/orders?q=" + buyer.username + "&status=PAID").body();
    assertThat(paidOnly).contains("data-order-id=\"" + paid + "\"").doesNotContain("data-order-id=\"" + pending + "\"");
    assertThat(admin.get("/admin/orders?status=PENDING_PAYMENT").status()).isEqualTo(200);

    assertThat(admin.get("/admin/orders?q=nobody-" + System.nanoTime()).body()).contains("id=\"order-hint\"");
    assertThat(admin.get("/admin/orders?status=LOST").status()).isEqualTo(400);
    assertThat(admin.get("/admin/orders/1").status()).isEqualTo(404);
  }

  @Test
  void theOrderPageShowsWhereTheOrderGoesAndHowItIsPaid() {
    PageClient admin = adminPages();
    Account buyer = newAccount("ships");
    long itemId = items.create("收货 ships to " + System.nanoTime(), 1_500, 5);
    String addressId = buyer.api.post("/api/addresses", ApiClient.json(Map.of("recipient", "收件人 <i>Receiver</i>",
        "phone", "13900139000", "region", "浙江省", "city", "杭州市", "line", "西湖区文三路 90 号"))).json().get("id").asString();
    Answer placed = buyer.api.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":1}],"
        + "\"addressId\":\"" + addressId + "\",\"paymentMethod\":\"WECHAT\"}");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);

    String page = admin.get("/admin/orders/" + placed.json().get("id").asString()).body();
    assertThat(page).contains("data-test=\"delivery-address\"", "收件人 &lt;i&gt;Receiver&lt;/i&gt;", "13900139000",
        "浙江省 杭州市 西湖区文三路 90 号", "data-method=\"WECHAT\"", "微信支付").doesNotContain("<i>Receiver</i>");
  }

  @Test
  void adminsCreateAFlashSaleThroughTheFormAndWatchIt() {
    PageClient admin = adminPages();
    long itemId = items.create("秒杀表单 sale form " + System.nanoTime(), 10_000, 30);

    Answer form = admin.get("/admin/flash-sales/new?itemId=" + itemId);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("id=\"flash-sale-form\"", "value=\"50.00\"", "name=\"_csrf\"");

    Answer wrong = admin.post("/admin/flash-sales", Map.of("itemId", String.valueOf(itemId), "price", "9.999",
        "stock", "50", "startsAt", "tomorrow", "minutes", "60", "limitPerUser", "1"));
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.body()).contains("data-test=\"price-error\"", "data-test=\"startsAt-error\"");

    Answer tooMany = admin.post("/admin/flash-sales", Map.of("itemId", String.valueOf(itemId), "price", "9.90",
        "stock", "50", "startsAt", "2026-01-01 00:00", "minutes", "60", "limitPerUser", "1"));
    assertThat(tooMany.body()).contains("data-test=\"stock-error\"", "不能超过商品的库存：30").doesNotContain("at most the item");

    String startsAt = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    Answer created = admin.post("/admin/flash-sales", Map.of("itemId", String.valueOf(itemId), "price", "9.90",
        "stock", "5", "startsAt", startsAt, "minutes", "30", "limitPerUser", "2"));
    assertThat(created.status()).isEqualTo(302);
    String watch = location(created);
    assertThat(watch).matches("/admin/flash-sales/[0-9]+");
    String saleId = watch.substring(watch.lastIndexOf('/') + 1);

    Account buyer = newAccount("watched");
    assertThat(buyer.pages.post("/flash-sales/" + saleId + "/buy", Map.of("quantity", "2")).status()).isEqualTo(302);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      String page = admin.get(watch).body();
      assertThat(page).contains("class=\"badge live\"");
      assertThat(PageClient.textOf(page, "data-test=\"sale-remaining\"")).isEqualTo("3");
      assertThat(PageClient.textOf(page, "data-test=\"sale-ordered\"")).isEqualTo("2 (1)");
      assertThat(PageClient.refreshSeconds(page)).isEqualTo(5);
    });
    assertThat(admin.get("/admin/flash-sales").body()).contains("data-sale-id=\"" + saleId + "\"");
    assertThat(admin.get("/admin").body()).contains("秒杀表单 sale form");
  }

  @Test
  void aDisabledShopperIsLoggedOutAndCannotLogInUntilEnabledAgain() {
    PageClient admin = adminPages();
    Account shopper = newAccount("disabled");
    assertThat(shopper.api.get("/api/session").status()).isEqualTo(200);

    Answer disabled = admin.post("/admin/users/" + shopper.id + "/enabled", Map.of("enabled", "false", "q", shopper.username));
    assertThat(location(disabled)).isEqualTo("/admin/users?q=" + shopper.username);
    assertThat(admin.get(location(disabled)).body())
        .contains("data-username=\"" + shopper.username + "\"", ">已停用<", "已停用并已退出登录");

    assertThat(shopper.api.get("/api/session").status()).isEqualTo(401);
    assertThat(location(shopper.pages.get("/orders"))).isEqualTo("/login");
    assertThat(new ApiClient(port).post("/api/session", ApiClient.json(Map.of(
        "username", shopper.username, "password", shopper.password))).status()).isEqualTo(401);

    admin.post("/admin/users/" + shopper.id + "/enabled", Map.of("enabled", "true"));
    assertThat(new ApiClient(port).login(shopper.username, shopper.password).get("/api/session").status()).isEqualTo(200);
  }

  @Test
  void aNewRoleHoldsFromTheNextLoginAndAnAdminCannotLockThemselvesOut() {
    PageClient admin = adminPages();
    Account promoted = newAccount("promoted");
    assertThat(promoted.pages.get("/admin").status()).isEqualTo(403);

    admin.post("/admin/users/" + promoted.id + "/role", Map.of("role", "ADMIN"));

    assertThat(promoted.api.get("/api/session").status()).isEqualTo(401); // the old session ended
    PageClient again = PageClient.loggedIn(port, promoted.username, promoted.password);
    assertThat(again.get("/admin/users?q=" + promoted.username).body()).contains(">设为顾客<");

    Answer selfDemotion = again.post("/admin/users/" + promoted.id + "/role", Map.of("role", "USER"));
    assertThat(location(selfDemotion)).isEqualTo("/admin/users");
    assertThat(again.get("/admin/users").body()).contains("不能取消自己账号的管理员角色");
    Answer selfDisable = again.post("/admin/users/" + promoted.id + "/enabled", Map.of("enabled", "false"));
    assertThat(again.get(location(selfDisable)).status()).isEqualTo(200);
    assertThat(again.get("/admin").status()).isEqualTo(200);

    admin.post("/admin/users/" + promoted.id + "/role", Map.of("role", "USER"));
    assertThat(again.get("/admin").status()).isIn(302, 403); // demoted: the admin session is gone
  }

  @Test
  void theNewPagesHoldNothingTheContentSecurityPolicyWouldBlock() {
    PageClient admin = adminPages();
    for (String path : new String[] {"/flash-sales", "/notifications", "/admin", "/admin/orders", "/admin/flash-sales",
        "/admin/flash-sales/new", "/admin/users", "/admin/items"}) {
      Answer page = admin.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(" style=", "<script", " onclick=");
    }
  }

  private PageClient adminPages() {
    return PageClient.loggedIn(port, "admin", "admin-password");
  }

  private Account newAccount(String prefix) {
    String username = prefix + System.nanoTime() % 1_000_000_000L;
    ApiClient api = new ApiClient(port).registerAndLogin(username);
    String id = api.get("/api/session").json().get("id").asString();
    String password = "password-" + username;
    return new Account(username, password, id, api, PageClient.loggedIn(port, username, password));
  }

  private record Account(String username, String password, String id, ApiClient api, PageClient pages) {}

  private static long figure(String page, String id) {
    Matcher figure = Pattern.compile("id=\"" + id + "\"[^>]*>([0-9]+)<").matcher(page);
    assertThat(figure.find()).as(id).isTrue();
    return Long.parseLong(figure.group(1));
  }

  /** Today's paid revenue on the dashboard, in fen (the shop's prices are CNY). */
  private static long revenueFen(String page) {
    int at = page.indexOf("id=\"revenue-today\"");
    assertThat(at).isNotNegative();
    Matcher yuan = Pattern.compile("¥([0-9,]+)\\.([0-9]{2})").matcher(page.substring(at));
    assertThat(yuan.find()).isTrue();
    return Long.parseLong(yuan.group(1).replace(",", "")) * 100 + Long.parseLong(yuan.group(2));
  }
}
