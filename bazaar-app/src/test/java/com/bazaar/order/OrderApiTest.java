package com.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.support.TestItems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderApiTest extends ApiTest {
  @Autowired TestItems items;
  @Autowired OrderAdministration administration;

  static String lines(Object... itemAndQuantity) {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    for (int i = 0; i < itemAndQuantity.length; i += 2) {
      json.append(i == 0 ? "" : ",")
          .append("{\"itemId\":\"").append(itemAndQuantity[i]).append("\",\"quantity\":")
          .append(itemAndQuantity[i + 1]).append('}');
    }
    return json.append("]}").toString();
  }

  static Map<String, String> key(String key) {
    return Map.of("Idempotency-Key", key);
  }

  @Test
  void placingAnOrderFreezesPricesAndReservesStock() {
    long tea = items.create("tea", 1250, 10);
    long cup = items.create("cup", 300, 10);
    ApiClient shopper = newShopper();

    Answer placed = shopper.post("/api/orders", lines(tea, 2, cup, 1, tea, 1));
    assertThat(placed.status()).isEqualTo(201);
    var order = placed.json();
    assertThat(order.get("id").isString()).isTrue();
    assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
    assertThat(order.get("lines").size()).as("repeated items merge").isEqualTo(2);
    assertThat(order.get("lines").get(0).get("itemId").asString()).isEqualTo(String.valueOf(tea));
    assertThat(order.get("lines").get(0).get("title").asString()).isEqualTo("tea");
    assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
    assertThat(order.get("total").get("amount").asLong()).isEqualTo(3 * 1250 + 300);
    assertThat(order.get("total").get("currency").asString()).isEqualTo("CNY");
    assertThat(order.get("paidAt").isNull()).isTrue();
    assertThat(order.get("createdAt").asString()).endsWith("Z");
    assertThat(order.get("paymentDeadline").asString()).endsWith("Z");
    assertThat(placed.header("Location")).endsWith("/api/orders/" + order.get("id").asString());
    assertThat(items.stockOf(tea)).isEqualTo(7);
    assertThat(items.stockOf(cup)).isEqualTo(9);

    Answer read = shopper.get("/api/orders/" + order.get("id").asString());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(order);
  }

  @Test
  void placingFromTheCartEmptiesIt() {
    long tea = items.create("tea", 500, 10);
    ApiClient shopper = newShopper();
    shopper.put("/api/cart/items/" + tea, "{\"quantity\":4}");

    Answer placed = shopper.post("/api/orders", "{\"fromCart\":true}");
    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.json().get("total").get("amount").asLong()).isEqualTo(2000);
    assertThat(items.stockOf(tea)).isEqualTo(6);
    assertThat(shopper.get("/api/cart").json().get("lines").size()).isZero();

    Answer again = shopper.post("/api/orders", "{\"fromCart\":true}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("fromCart");
  }

  @Test
  void anOrderFromTheCartSentAgainWithItsKeyGetsTheOrderThoughTheCartIsNowEmpty() {
    long tea = items.create("tea", 500, 10);
    ApiClient shopper = newShopper();
    shopper.put("/api/cart/items/" + tea, "{\"quantity\":2}");
    String idem = UUID.randomUUID().toString();

    Answer first = shopper.post("/api/orders", "{\"fromCart\":true}", key(idem));
    Answer again = shopper.post("/api/orders", "{\"fromCart\":true}", key(idem));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).as("the back button's second send").isEqualTo(201);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(items.stockOf(tea)).isEqualTo(8);
    Answer newKey = shopper.post("/api/orders", "{\"fromCart\":true}", key(UUID.randomUUID().toString()));
    assertThat(newKey.status()).as("a new order from the emptied cart").isEqualTo(400);
  }

  @Test
  void anOrderThatCannotBeFilledReservesNothingAndKeepsTheCart() {
    long plenty = items.create("plenty", 100, 10);
    long scarce = items.create("scarce", 100, 1);
    ApiClient shopper = newShopper();

    Answer refused = shopper.post("/api/orders", lines(plenty, 3, scarce, 2));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asString()).isEqualTo("out of stock: item " + scarce);
    Answer inChinese = shopper.post("/api/orders", lines(plenty, 3, scarce, 2), Map.of("Accept-Language", "zh-CN"));
    assertThat(inChinese.json().get("detail").asString()).isEqualTo("库存不足：商品 " + scarce);
    assertThat(inChinese.json().get("title").asString()).isEqualTo("Conflict");
    assertThat(items.stockOf(plenty)).isEqualTo(10);
    assertThat(items.stockOf(scarce)).isEqualTo(1);

    shopper.put("/api/cart/items/" + plenty, "{\"quantity\":3}");
    shopper.put("/api/cart/items/" + scarce, "{\"quantity\":2}");
    assertThat(shopper.post("/api/orders", "{\"fromCart\":true}").status()).isEqualTo(409);
    assertThat(items.stockOf(plenty)).isEqualTo(10);
    assertThat(shopper.get("/api/cart").json().get("lines").size()).isEqualTo(2);
    assertThat(shopper.get("/api/orders").json().get("totalElements").asLong()).isZero();
  }

  @Test
  void payingMarksTheOrderPaidOnce() {
    long tea = items.create("tea", 800, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();

    Answer paid = shopper.post("/api/orders/" + id + "/pay", "{}", key("pay-" + id));
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
    assertThat(paid.json().get("paidAt").asString()).endsWith("Z");

    Answer retried = shopper.post("/api/orders/" + id + "/pay", "{}", key("pay-" + id));
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json()).isEqualTo(paid.json());
    assertThat(items.paymentsOf(Long.parseLong(id))).isEqualTo(1);

    Answer otherKey = shopper.post("/api/orders/" + id + "/pay", "{}", key("another-" + id));
    assertThat(otherKey.status()).isEqualTo(409);
    Answer noKey = shopper.send("POST", "/api/orders/" + id + "/pay", null, Map.of());
    assertThat(noKey.status()).isEqualTo(409);
    assertThat(items.paymentsOf(Long.parseLong(id))).isEqualTo(1);
    assertThat(items.stockOf(tea)).isEqualTo(9);
  }

  @Test
  void theSameIdempotencyKeyPlacesOneOrder() {
    long tea = items.create("tea", 800, 10);
    ApiClient shopper = newShopper();
    String idem = UUID.randomUUID().toString();

    Answer first = shopper.post("/api/orders", lines(tea, 2), key(idem));
    Answer second = shopper.post("/api/orders", lines(tea, 2), key(idem));
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(items.stockOf(tea)).isEqualTo(8);

    Answer different = shopper.post("/api/orders", lines(tea, 3), key(idem));
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.json().get("detail").asString()).contains("Idempotency-Key reused");
    assertThat(items.stockOf(tea)).isEqualTo(8);

    assertThat(newShopper().post("/api/orders", lines(tea, 2), key(idem)).status())
        .as("keys belong to one user").isEqualTo(201);
  }

  @Test
  void cancellingReturnsTheStockOnce() {
    long tea = items.create("tea", 800, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(tea, 4)).json().get("id").asString();
    assertThat(items.stockOf(tea)).isEqualTo(6);

    Answer cancelled = shopper.post("/api/orders/" + id + "/cancel", null);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(items.stockOf(tea)).isEqualTo(10);

    assertThat(shopper.post("/api/orders/" + id + "/cancel", null).status()).isEqualTo(200);
    assertThat(items.stockOf(tea)).isEqualTo(10);
    assertThat(shopper.post("/api/orders/" + id + "/pay", "{}").status()).isEqualTo(409);
  }

  @Test
  void aPaidOrderCannotBeCancelled() {
    long tea = items.create("tea", 800, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();
    shopper.post("/api/orders/" + id + "/pay", "{}");

    Answer refused = shopper.post("/api/orders/" + id + "/cancel", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(shopper.get("/api/orders/" + id).json().get("status").asString()).isEqualTo("PAID");
    assertThat(items.stockOf(tea)).isEqualTo(9);
  }

  @Test
  void anotherShoppersOrderIsNotFound() {
    long tea = items.create("tea", 800, 10);
    String id = newShopper().post("/api/orders", lines(tea, 1)).json().get("id").asString();
    ApiClient stranger = newShopper();

    assertThat(stranger.get("/api/orders/" + id).status()).isEqualTo(404);
    assertThat(stranger.post("/api/orders/" + id + "/pay", "{}").status()).isEqualTo(404);
    assertThat(stranger.post("/api/orders/" + id + "/pay", "{}", key("k1")).status()).isEqualTo(404);
    assertThat(stranger.post("/api/orders/" + id + "/cancel", null).status()).isEqualTo(404);
    assertThat(stranger.get("/api/orders").json().get("totalElements").asLong()).isZero();
    assertThat(items.stockOf(tea)).isEqualTo(9);
  }

  @Test
  void ordersAreListedNewestFirst() {
    long tea = items.create("tea", 100, 10);
    ApiClient shopper = newShopper();
    String first = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();
    String second = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();
    String third = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();

    var page = shopper.get("/api/orders?page=0&size=2").json();
    assertThat(page.get("totalElements").asLong()).isEqualTo(3);
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("content").size()).isEqualTo(2);
    assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(third);
    assertThat(page.get("content").get(1).get("id").asString()).isEqualTo(second);
    var next = shopper.get("/api/orders?page=1&size=2").json();
    assertThat(next.get("content").get(0).get("id").asString()).isEqualTo(first);
    assertThat(next.get("content").get(0).get("lines").size()).isEqualTo(1);
  }

  @Test
  void anUnknownItemIsA404AndReservesNothing() {
    long tea = items.create("tea", 100, 10);
    Answer answer = newShopper().post("/api/orders", lines(tea, 1, 999999999L, 1));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(items.stockOf(tea)).isEqualTo(10);
  }

  @Test
  void badInputIsA400ProblemNeverA500() {
    long tea = items.create("tea", 100, 10);
    ApiClient shopper = newShopper();
    List<String> bodies = List.of(
        lines(tea, 0), lines(tea, -1), lines(tea, 1000), lines(tea, "\"x\""), lines(tea, 99999999999L),
        "{}", "{\"lines\":[]}", "{\"lines\":null}", "{\"lines\":[null]}", "{\"lines\":[{\"itemId\":\"" + tea + "\"}]}",
        "{\"lines\":[{\"quantity\":1}]}", lines("abc", 1), lines("99999999999999999999", 1), lines(-5, 1),
        "not json", "", "[]", "{\"lines\":\"many\"}", "{\"fromCart\":\"maybe\"}",
        "{\"fromCart\":true,\"lines\":[{\"itemId\":\"" + tea + "\",\"quantity\":1}]}");
    for (String body : bodies) {
      Answer answer = shopper.post("/api/orders", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
    }
    StringBuilder many = new StringBuilder("{\"lines\":[");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("{\"itemId\":").append(i + 1).append(",\"quantity\":1}");
    }
    assertThat(shopper.post("/api/orders", many.append("]}").toString()).status()).isEqualTo(400);

    Answer zero = shopper.post("/api/orders", lines(tea, 0));
    assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");

    for (String badKey : List.of("x".repeat(101), "has space", "")) {
      Answer answer = shopper.post("/api/orders", lines(tea, 1), key(badKey));
      assertThat(answer.status()).as(badKey).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }
    assertThat(shopper.post("/api/orders/1/pay", "{}", key("x".repeat(101))).status()).isEqualTo(400);
    assertThat(shopper.get("/api/orders/abc").status()).isEqualTo(400);
    assertThat(shopper.get("/api/orders/99999999999999999999").status()).isEqualTo(400);
    assertThat(shopper.post("/api/orders/abc/pay", "{}").status()).isEqualTo(400);
    assertThat(shopper.post("/api/orders/abc/cancel", null).status()).isEqualTo(400);
    assertThat(shopper.get("/api/orders?size=101").status()).isEqualTo(400);
    assertThat(shopper.get("/api/orders?page=-1").status()).isEqualTo(400);
    assertThat(shopper.get("/api/orders?page=x").status()).isEqualTo(400);
    assertThat(items.stockOf(tea)).isEqualTo(10);
  }

  @Test
  void ordersNeedALogin() {
    ApiClient nobody = anonymous();
    assertThat(nobody.get("/api/orders").status()).isEqualTo(401);
    assertThat(nobody.get("/api/orders/1").status()).isEqualTo(401);
    assertThat(nobody.post("/api/orders", "{\"fromCart\":true}").status()).isEqualTo(401);
    assertThat(nobody.post("/api/orders/1/pay", "{}").status()).isEqualTo(401);
    assertThat(nobody.post("/api/orders/1/cancel", null).status()).isEqualTo(401);
  }

  /** The admin pages' reads (issue 13): by id, by buyer and status, and the day's figures; sharded too. */
  @Test
  void adminsFindAnyBuyersOrdersByIdBuyerAndStatusAndCountThemInTheDaysFigures() {
    Instant startOfDay = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    OrderFigures before = administration.placedSince(startOfDay);
    long tea = items.create("admin tea", 1_111, 10);
    ApiClient shopper = newShopper();
    UserId buyer = UserId.of(Long.parseLong(shopper.get("/api/session").json().get("id").asString()));
    OrderId paid = OrderId.of(Long.parseLong(shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString()));
    assertThat(shopper.post("/api/orders/" + paid + "/pay", "{}").status()).isEqualTo(200);
    OrderId pending = OrderId.of(Long.parseLong(shopper.post("/api/orders", lines(tea, 2)).json().get("id").asString()));

    assertThat(administration.find(paid)).hasValueSatisfying(order -> {
      assertThat(order.buyerId()).isEqualTo(buyer);
      assertThat(order.status()).isEqualTo(OrderStatus.PAID);
      assertThat(order.lines()).extracting(OrderLine::title).containsExactly("admin tea");
    });
    assertThat(administration.find(OrderId.of(1))).isEmpty();
    var ofBuyer = administration.orders(Optional.of(buyer), Optional.empty(), new PageSpec(0, 10));
    assertThat(ofBuyer.content()).extracting(Order::id).containsExactly(pending, paid);
    assertThat(ofBuyer.totalElements()).isEqualTo(2);
    assertThat(administration.orders(Optional.of(buyer), Optional.of(OrderStatus.PAID), new PageSpec(0, 10)).content())
        .extracting(Order::id).containsExactly(paid);
    var allPending = administration.orders(Optional.empty(), Optional.of(OrderStatus.PENDING_PAYMENT), new PageSpec(0, 100));
    assertThat(allPending.content()).allMatch(order -> order.status() == OrderStatus.PENDING_PAYMENT);
    assertThat(allPending.totalElements()).isPositive();

    OrderFigures after = administration.placedSince(startOfDay);
    assertThat(after.placed()).isGreaterThanOrEqualTo(before.placed() + 2);
    assertThat(after.count(OrderStatus.PAID)).isGreaterThanOrEqualTo(before.count(OrderStatus.PAID) + 1);
    assertThat(cny(after)).isGreaterThanOrEqualTo(cny(before) + 1_111);
    assertThat(administration.placedSince(Instant.now().plusSeconds(60)).placed()).isZero();
  }

  private static long cny(OrderFigures figures) {
    return figures.paidTotals().stream().filter(m -> m.currency().equals("CNY")).mapToLong(Money::amount).sum();
  }
}
