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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The inbox page and the header's unread count, over HTTP. */
class NotificationPagesTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void theHeaderCountsUnreadMessagesAndTheInboxMarksThemRead() {
    Shopper shopper = shopperWithNotifications(2);

    assertThat(shopper.pages.get("/").body()).contains("id=\"inbox-link\"");
    assertThat(unreadInHeader(shopper.pages.get("/").body())).isEqualTo(2);
    Answer inbox = shopper.pages.get("/notifications");
    assertThat(inbox.status()).isEqualTo(200);
    assertThat(inbox.body()).contains("data-read=\"false\"", "已提交，商品已为您保留", "id=\"mark-all-read\"");

    String first = shopper.notificationIds()[0];
    Answer marked = shopper.pages.post("/notifications/" + first + "/read");
    assertThat(marked.status()).isEqualTo(302);
    assertThat(location(marked)).isEqualTo("/notifications");
    assertThat(shopper.pages.get("/notifications").body())
        .containsPattern("data-notification-id=\"" + first + "\"\\s+data-read=\"true\"");
    assertThat(unreadInHeader(shopper.pages.get("/").body())).isEqualTo(1);

    assertThat(location(shopper.pages.post("/notifications/read-all"))).isEqualTo("/notifications");
    assertThat(shopper.pages.get("/").body()).contains("id=\"inbox-link\"").doesNotContain("id=\"unread-count\"");
    for (JsonNode notification : shopper.api.get("/api/notifications").json().get("content")) {
      assertThat(notification.get("read").asBoolean()).isTrue();
    }
  }

  /** One stored message, read in each reader's language: the page by the shopper's choice, the API by Accept-Language. */
  @Test
  void aMessageReadsInTheReadersLanguage() {
    Shopper shopper = shopperWithNotifications(1);
    String orderId = shopper.api.get("/api/notifications").json().get("content").get(0).get("orderId").asString();

    assertThat(shopper.pages.get("/notifications").body())
        .contains("订单 " + orderId + " 已提交，商品已为您保留：请在付款期限前付款。")
        .doesNotContain("is placed and its items are reserved");
    Answer chosen = shopper.pages.get("/language?lang=en&return=/notifications");
    assertThat(location(chosen)).isEqualTo("/notifications");
    assertThat(shopper.pages.get("/notifications").body())
        .contains("Order " + orderId + " is placed and its items are reserved for you: pay it before the deadline.")
        .doesNotContain("已提交");

    assertThat(message(shopper.api.get("/api/notifications"))).startsWith("Order " + orderId + " is placed");
    Answer inChinese = shopper.api.send("GET", "/api/notifications", null, java.util.Map.of("Accept-Language", "zh-CN,zh;q=0.9"));
    assertThat(message(inChinese)).isEqualTo("订单 " + orderId + " 已提交，商品已为您保留：请在付款期限前付款。");
  }

  private static String message(Answer inbox) {
    return inbox.json().get("content").get(0).get("message").asString();
  }

  @Test
  void anotherShoppersMessageCannotBeReadOrMarked() {
    Shopper owner = shopperWithNotifications(1);
    Shopper other = shopperWithNotifications(0);
    String id = owner.notificationIds()[0];

    Answer marked = other.pages.post("/notifications/" + id + "/read");

    assertThat(marked.status()).isEqualTo(404);
    assertThat(other.pages.get("/notifications").body()).doesNotContain(id).contains("id=\"no-notifications\"");
    assertThat(owner.api.get("/api/notifications").json().get("content").get(0).get("read").asBoolean()).isFalse();
  }

  @Test
  void visitorsHaveNoInboxAndAreSentToLogIn() {
    PageClient visitor = PageClient.anonymous(port);

    assertThat(visitor.get("/").body()).doesNotContain("id=\"inbox-link\"");
    Answer inbox = visitor.get("/notifications");
    assertThat(inbox.status()).isEqualTo(302);
    assertThat(location(inbox)).isEqualTo("/login");
  }

  /** The header's unread count, or 0 when it shows none. */
  private static int unreadInHeader(String page) {
    java.util.regex.Matcher count = java.util.regex.Pattern.compile("id=\"unread-count\"[^>]*>([0-9]+)<").matcher(page);
    return count.find() ? Integer.parseInt(count.group(1)) : 0;
  }

  /** A new shopper with this many orders placed, each announced in their inbox. */
  private Shopper shopperWithNotifications(int orders) {
    String username = "inbox" + System.nanoTime() % 1_000_000_000L;
    ApiClient api = new ApiClient(port).registerAndLogin(username);
    long itemId = items.create("消息 inbox " + username, 1_000, 10);
    for (int i = 0; i < orders; i++) {
      Trades.place(api, itemId, 1);
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(api.get("/api/notifications").json().get("totalElements").asLong()).isEqualTo(orders));
    return new Shopper(api, PageClient.loggedIn(port, username, "password-" + username));
  }

  private record Shopper(ApiClient api, PageClient pages) {
    String[] notificationIds() {
      java.util.List<String> ids = new java.util.ArrayList<>();
      api.get("/api/notifications").json().get("content").forEach(n -> ids.add(n.get("id").asString()));
      return ids.toArray(String[]::new);
    }
  }
}
