package com.bazaar.order;

import static com.bazaar.order.OrderApiTest.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A one-second payment window, checked five times a second: its own application context. */
@TestPropertySource(properties = {
    "bazaar.order.payment-window=PT1S",
    "bazaar.order.expiry-check-interval=PT0.2S"})
class UnpaidOrderCancellationTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void unpaidOrderIsCancelledAfterPaymentWindowAndItsStockReturns() {
    long tea = items.create("tea", 100, 10);
    ApiClient shopper = newShopper();
    String id = shopper.post("/api/orders", lines(tea, 3)).json().get("id").asString();
    assertThat(items.stockOf(tea)).isEqualTo(7);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(shopper.get("/api/orders/" + id).json().get("status").asString()).isEqualTo("CANCELLED"));
    assertThat(items.stockOf(tea)).isEqualTo(10);
    assertThat(shopper.post("/api/orders/" + id + "/pay", "{}").status()).isEqualTo(409);
  }

  @Test
  void aPaidOrderIsNeverCancelledByTheClock() {
    long tea = items.create("tea", 100, 10);
    ApiClient shopper = newShopper();
    String paid = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();
    assertThat(shopper.post("/api/orders/" + paid + "/pay", "{}").status()).isEqualTo(200);
    String unpaid = shopper.post("/api/orders", lines(tea, 1)).json().get("id").asString();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(shopper.get("/api/orders/" + unpaid).json().get("status").asString()).isEqualTo("CANCELLED"));
    assertThat(shopper.get("/api/orders/" + paid).json().get("status").asString()).isEqualTo("PAID");
    assertThat(items.stockOf(tea)).isEqualTo(9);
  }
}
