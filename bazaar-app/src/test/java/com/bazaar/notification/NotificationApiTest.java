package com.bazaar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Buyer notifications written by the order-event consumers, on the embedded bus. */
class NotificationApiTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void eachStepOfAnOrderLandsInTheBuyersInboxNewestFirst() {
    ApiClient shopper = newShopper();
    long tea = items.create("Inbox tea", 500, 10);
    String paidOrder = Trades.place(shopper, tea, 1);
    Trades.pay(shopper, paidOrder);
    String cancelledOrder = Trades.place(shopper, tea, 2);
    Trades.cancel(shopper, cancelledOrder);

    JsonNode inbox = awaitInbox(shopper, 4);
    // Events are delivered asynchronously, so the inbox is ordered by arrival, not by event.
    assertThat(kinds(inbox)).containsExactlyInAnyOrder("ORDER_CANCELLED", "ORDER_PLACED", "ORDER_PAID", "ORDER_PLACED");
    assertThat(field(inbox, "id").stream().map(Long::valueOf).toList())
        .as("newest (highest id) first").isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(field(inbox, "orderId")).containsOnly(paidOrder, cancelledOrder);
    assertThat(field(inbox, "read")).containsOnly("false");

    JsonNode secondPage = shopper.get("/api/notifications?page=1&size=3").json();
    assertThat(secondPage.get("totalElements").asLong()).isEqualTo(4);
    assertThat(kinds(secondPage)).containsExactly(kinds(inbox).get(3));
  }

  @Test
  void markingANotificationReadIsRememberedAndRepeatable() {
    ApiClient shopper = newShopper();
    Trades.place(shopper, items.create("Read tea", 500, 5), 1);
    String id = awaitInbox(shopper, 1).get("content").get(0).get("id").asString();

    ApiClient.Answer read = shopper.post("/api/notifications/" + id + "/read", null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("read").asBoolean()).isTrue();
    assertThat(shopper.post("/api/notifications/" + id + "/read", null).status()).isEqualTo(200);
    assertThat(shopper.get("/api/notifications").json().get("content").get(0).get("read").asBoolean()).isTrue();
  }

  @Test
  void theUnreadCountFollowsMarkingAndMarkAllReadMarksTheRest() {
    ApiClient shopper = newShopper();
    long tea = items.create("Unread tea", 500, 5);
    Trades.place(shopper, tea, 1);
    Trades.place(shopper, tea, 1);
    String id = awaitInbox(shopper, 2).get("content").get(0).get("id").asString();
    assertThat(shopper.get("/api/notifications/unread").json().get("unread").asLong()).isEqualTo(2);

    shopper.post("/api/notifications/" + id + "/read", null);
    assertThat(shopper.get("/api/notifications/unread").json().get("unread").asLong()).isEqualTo(1);

    ApiClient.Answer all = shopper.post("/api/notifications/read-all", null);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("marked").asLong()).isEqualTo(1);
    assertThat(shopper.get("/api/notifications/unread").json().get("unread").asLong()).isZero();
    assertThat(newShopper().get("/api/notifications/unread").json().get("unread").asLong()).isZero();
    assertThat(anonymous().get("/api/notifications/unread").status()).isEqualTo(401);
  }

  @Test
  void aBuyerNeitherSeesNorMarksAnotherBuyersNotifications() {
    ApiClient owner = newShopper();
    Trades.place(owner, items.create("Private tea", 500, 5), 1);
    String id = awaitInbox(owner, 1).get("content").get(0).get("id").asString();

    ApiClient other = newShopper();
    assertThat(other.get("/api/notifications").json().get("totalElements").asLong()).isZero();
    ApiClient.Answer refused = other.post("/api/notifications/" + id + "/read", null);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(owner.get("/api/notifications").json().get("content").get(0).get("read").asBoolean()).isFalse();
  }

  @Test
  void badRequestsGetClearAnswers() {
    assertThat(anonymous().get("/api/notifications").status()).isEqualTo(401);
    ApiClient shopper = newShopper();
    assertThat(shopper.post("/api/notifications/not-a-number/read", null).status()).isEqualTo(400);
    assertThat(shopper.post("/api/notifications/12345/read", null).status()).isEqualTo(404);
    assertThat(shopper.get("/api/notifications?size=1000").status()).isEqualTo(400);
  }

  private static JsonNode awaitInbox(ApiClient shopper, int expected) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> shopper.get("/api/notifications?size=50").json(),
        inbox -> inbox.get("totalElements").asLong() >= expected);
  }

  private static List<String> kinds(JsonNode page) {
    return field(page, "kind");
  }

  private static List<String> field(JsonNode page, String name) {
    return StreamSupport.stream(page.get("content").spliterator(), false).map(n -> n.get(name).asString()).toList();
  }
}
