package com.bazaar.order;

import static com.bazaar.order.OrderApiTest.key;
import static com.bazaar.order.OrderApiTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per-buyer limits against stock hoarding (issue 10, item 4), at their production values:
 * 50 lines per order, 200 units of an item per order, 10 unpaid orders and 500 unpaid units
 * per buyer (bazaar.order.limits, docs/security.md).
 */
class OrderLimitsTest extends ApiTest {
  @Autowired TestItems items;
  @Autowired JdbcClient jdbc;

  @Test
  void anOrderOfMoreThanFiftyItemsIsRefused() {
    Object[] fiftyOne = new Object[102];
    for (int i = 0; i < 51; i++) {
      fiftyOne[2 * i] = 1_000 + i;
      fiftyOne[2 * i + 1] = 1;
    }

    assertInvalid(newShopper().post("/api/orders", lines(fiftyOne)), "lines");
  }

  @Test
  void moreThanTwoHundredUnitsOfOneItemInOneOrderAreRefusedEvenSplitOverLines() {
    long item = items.create("bulk", 100, 1_000);
    ApiClient shopper = newShopper();

    assertInvalid(shopper.post("/api/orders", lines(item, 201)), "lines[0].quantity");
    assertInvalid(shopper.post("/api/orders", lines(item, 150, item, 51)), "lines[1].quantity");
    assertThat(shopper.post("/api/orders", lines(item, 200)).status()).isEqualTo(201);
    assertThat(items.stockOf(item)).isEqualTo(800);
  }

  @Test
  void aBuyerHoldsAtMostTenUnpaidOrdersUntilPayingOrCancellingOne() {
    long item = items.create("many small orders", 100, 100);
    ApiClient shopper = newShopper();
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Answer answer = shopper.post("/api/orders", lines(item, 1));
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      placed.add(answer.json().get("id").asString());
    }

    Answer eleventh = shopper.post("/api/orders", lines(item, 1));

    assertThat(eleventh.status()).isEqualTo(409);
    assertThat(eleventh.contentType()).startsWith("application/problem+json");
    assertThat(eleventh.json().get("detail").asString()).contains("10 unpaid orders");
    assertThat(items.stockOf(item)).isEqualTo(90);
    assertThat(newShopper().post("/api/orders", lines(item, 1)).status()).as("another buyer").isEqualTo(201);

    assertThat(shopper.post("/api/orders/" + placed.get(0) + "/pay", "{}").status()).isEqualTo(200);
    assertThat(shopper.post("/api/orders", lines(item, 1)).status()).isEqualTo(201);
    assertThat(shopper.post("/api/orders/" + placed.get(1) + "/cancel", "{}").status()).isEqualTo(200);
    assertThat(shopper.post("/api/orders", lines(item, 1)).status()).isEqualTo(201);
  }

  @Test
  void aBuyerHoldsAtMostFiveHundredUnpaidUnits() {
    long item = items.create("hoarded", 100, 1_000);
    ApiClient shopper = newShopper();
    String first = shopper.post("/api/orders", lines(item, 200)).json().get("id").asString();
    assertThat(shopper.post("/api/orders", lines(item, 200)).status()).isEqualTo(201);

    Answer over = shopper.post("/api/orders", lines(item, 101));

    assertThat(over.status()).isEqualTo(409);
    assertThat(over.json().get("detail").asString()).contains("hold 400 units", "500");
    assertThat(shopper.post("/api/orders", lines(item, 100)).status()).as("exactly 500").isEqualTo(201);
    assertThat(shopper.post("/api/orders/" + first + "/pay", "{}").status()).isEqualTo(200);
    assertThat(shopper.post("/api/orders", lines(item, 101)).status()).isEqualTo(201);
    assertThat(items.stockOf(item)).isEqualTo(1_000 - 200 - 200 - 100 - 101);
  }

  @Test
  void aRetryOfAPlacedOrderAtTheLimitGetsTheFirstAnswerNotARefusal() {
    long item = items.create("retried at the limit", 100, 100);
    ApiClient shopper = newShopper();
    Answer tenth = null;
    for (int i = 0; i < 10; i++) {
      tenth = shopper.post("/api/orders", lines(item, 1), key("limit-" + i));
    }

    Answer retry = shopper.post("/api/orders", lines(item, 1), key("limit-9"));

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("id").asString()).isEqualTo(tenth.json().get("id").asString());
  }

  @Test
  void thirtyConcurrentOrdersOfOneBuyerPlaceNoMoreThanTen() throws Exception {
    long item = items.create("raced by one buyer", 100, 1_000);
    ApiClient shopper = newShopper();

    List<Answer> answers = OrderConcurrencyTest.race(Collections.nCopies(30, shopper),
        s -> s.post("/api/orders", lines(item, 1)));

    assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
    assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(20);
    assertThat(items.stockOf(item)).isEqualTo(990);
    assertThat(shopper.get("/api/orders").json().get("totalElements").asLong()).isEqualTo(10);
  }

  /**
   * A node remembers whose guard row it has seen (one query fewer per order); should the row be
   * gone anyway (a database replaced under a running node), the next order creates it again.
   */
  @Test
  void anOrderStillPlacesWhenTheBuyersRememberedGuardRowIsGone() {
    long item = items.create("guarded", 100, 10);
    ApiClient shopper = newShopper();
    assertThat(shopper.post("/api/orders", lines(item, 1)).status()).isEqualTo(201);
    long buyerId = Long.parseLong(shopper.get("/api/session").json().get("id").asString());

    assertThat(jdbc.sql("DELETE FROM order_buyer_guards WHERE buyer_id = ?").param(buyerId).update()).isEqualTo(1);

    Answer second = shopper.post("/api/orders", lines(item, 1));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM order_buyer_guards WHERE buyer_id = ?").param(buyerId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(items.stockOf(item)).isEqualTo(8);
  }

  private static void assertInvalid(Answer answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }
}
