package com.bazaar.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Under overload and with dead dependencies the shop answers 503 fast and keeps its
 * invariants: shed requests change nothing, a dead payment provider leaves the order payable,
 * declined payments are the buyer's outcome, not the provider failing (the dead search index:
 * SearchIndexOutageTest).
 */
@TestPropertySource(properties = {
  "bazaar.security.bcrypt-strength=4",
  // A fixed limit of 1 and a queue of 11, a wait long enough that the queue never times out
  // here: what is tested is which requests are queued and which are shed, not how fast the work is.
  "bazaar.protection.shedding.initial-limit=1",
  "bazaar.protection.shedding.min-limit=1",
  "bazaar.protection.shedding.max-limit=1",
  "bazaar.protection.shedding.queue-length=11",
  "bazaar.protection.shedding.queue-wait=30s",
  "bazaar.protection.breaker.window=4",
  "bazaar.protection.breaker.minimum-calls=2",
  "bazaar.protection.breaker.open-for=1s",
  "bazaar.payment.simulated.decline-above=1000000",
})
class ProtectionTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void aBurstThatFitsTheLimitAndTheQueueIsServedInFull() throws Exception {
    long itemId = items.create("burst item", 1_000, 100);

    List<Answer> answers = orderAtOnce(itemId, 12);

    assertThat(answers).extracting(Answer::status).containsOnly(201).hasSize(12);
    assertThat(items.stockOf(itemId)).isEqualTo(100 - 12);
  }

  @Test
  void anOverloadBeyondTheQueueIsShedWith503AndStockStaysRight() throws Exception {
    long itemId = items.create("busy item", 1_000, 100);

    List<Answer> answers = orderAtOnce(itemId, 60);

    assertThat(answers).extracting(Answer::status).containsOnly(201, 503);
    long placed = answers.stream().filter(a -> a.status() == 201).count();
    // At least the limit and the queue are served; of 60 at once, many more than that are shed.
    assertThat(placed).isGreaterThanOrEqualTo(12).isLessThan(60);
    Answer shed = answers.stream().filter(a -> a.status() == 503).findFirst().orElseThrow();
    assertThat(shed.header("Retry-After")).isEqualTo("1");
    assertThat(shed.contentType()).contains("application/problem+json");
    assertThat(items.stockOf(itemId)).isEqualTo(100 - placed);
  }

  private List<Answer> orderAtOnce(long itemId, int buyers) throws Exception {
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      shoppers.add(newShopper());
    }
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> calls = new ArrayList<>();
    try {
      for (ApiClient shopper : shoppers) {
        calls.add(pool.submit(() -> {
          start.await();
          return shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":1}]}");
        }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> call : calls) {
        answers.add(call.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeadPaymentProviderLeavesTheOrderPayableAndTheBreakerRecovers() {
    long itemId = items.create("pay item", 1_000, 5);
    ApiClient shopper = newShopper();
    ApiClient admin = admin();
    String orderId = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + itemId + "\",\"quantity\":1}]}")
        .json().get("id").asString();
    try {
      assertThat(admin.put("/api/admin/payment-provider", "{\"available\":false}").status()).isEqualTo(200);
      for (int attempt = 0; attempt < 4; attempt++) { // enough failures to open the breaker
        Answer refused = shopper.post("/api/orders/" + orderId + "/pay", "{}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().get("detail").asString()).contains("payment provider is unavailable");
      }
      Answer inChinese = shopper.post("/api/orders/" + orderId + "/pay", "{}", Map.of("Accept-Language", "zh-CN"));
      assertThat(inChinese.status()).isEqualTo(503);
      assertThat(inChinese.json().get("detail").asString()).isEqualTo("支付服务暂时不可用；订单仍可付款，请稍后重试");
      assertThat(shopper.get("/api/orders/" + orderId).json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
    } finally {
      admin.put("/api/admin/payment-provider", "{\"available\":true}");
    }
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> shopper.post("/api/orders/" + orderId + "/pay", "{}").status() == 200);
    assertThat(shopper.get("/api/orders/" + orderId).json().get("status").asString()).isEqualTo("PAID");
  }

  @Test
  void declinedPaymentsAreTheBuyersOutcomeAndNeverOpenTheProviderBreaker() {
    long dearItem = items.create("dear item", 2_000_000, 10);
    long cheapItem = items.create("cheap item", 1_000, 10);
    ApiClient shopper = newShopper();
    for (int attempt = 0; attempt < 6; attempt++) { // more than the breaker's window of 4
      String orderId = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + dearItem + "\",\"quantity\":1}]}")
          .json().get("id").asString();
      assertThat(shopper.post("/api/orders/" + orderId + "/pay", "{}").status()).isEqualTo(409);
    }
    String cheapOrder = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + cheapItem + "\",\"quantity\":1}]}")
        .json().get("id").asString();
    assertThat(shopper.post("/api/orders/" + cheapOrder + "/pay", "{}").status()).isEqualTo(200);
  }
}
