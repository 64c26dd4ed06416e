package com.bazaar.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.platform.id.SaleId;
import com.bazaar.platform.id.UserId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The flash-sale storm, the same for every pair of engines: a thousand distinct buyers press
 * "buy" at once over real HTTP for a hundred units, one each. Exactly a hundred orders come
 * out, to a hundred different buyers, at the flash price; the sale ends at zero; every
 * accepted ticket ends ORDERED or FAILED, and a failed ticket's unit is back in the sale.
 */
@Import(SqlOnRequestThreads.class)
public abstract class FlashSaleStormContract extends ApiTest {
  static final String FAST_TEST_USERS = "bazaar.security.bcrypt-strength=4";
  static final String GENEROUS_LIMITS = "bazaar.rate-limits.flash-purchase-user.permits=1000";
  static final String GENEROUS_LOGINS = "bazaar.rate-limits.login.permits=100000";
  private static final int BUYERS = 1000;
  private static final int UNITS = 100;
  private static final long FLASH_PRICE = 990;

  private static final UserId UNKNOWN_BUYER = UserId.of(4_242L);

  @Autowired TestItems items;
  @Autowired FlashSales flashSales;

  @Test
  void aThousandBuyersStormAHundredUnitsAndExactlyAHundredOrdersComeOut() throws Exception {
    long itemId = items.create("storm item", 19_900, UNITS);
    String saleId = createSale(itemId, UNITS, 1);
    List<ApiClient> buyers = concurrently(BUYERS, i -> newShopper());

    CountDownLatch start = new CountDownLatch(1);
    List<Answer> answers = concurrently(BUYERS, i -> {
      start.await();
      return buyers.get(i).post("/api/flash-sales/" + saleId + "/purchase", "{\"quantity\":1}");
    }, start);

    assertThat(answers).extracting(Answer::status).allMatch(s -> s == 202 || s == 409);
    Map<Integer, ApiClient> accepted = new ConcurrentHashMap<>();
    for (int i = 0; i < BUYERS; i++) {
      if (answers.get(i).status() == 202) {
        assertThat(answers.get(i).json().get("status").asString()).isEqualTo("QUEUED");
        accepted.put(i, buyers.get(i));
      }
    }
    assertThat(accepted).hasSize(UNITS);

    Map<Integer, JsonNode> settled = awaitSettled(saleId, accepted, answers);
    assertThat(settled.values()).extracting(t -> t.get("status").asString()).containsOnly("ORDERED");
    Set<String> orderIds = settled.values().stream().map(t -> t.get("orderId").asString()).collect(Collectors.toSet());
    assertThat(orderIds).hasSize(UNITS);
    accepted.forEach((i, buyer) -> {
      JsonNode order = buyer.get("/api/orders/" + settled.get(i).get("orderId").asString()).json();
      assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
      assertThat(order.get("total").get("amount").asLong()).isEqualTo(FLASH_PRICE);
    });
    assertThat(remaining(saleId)).isZero();
    assertThat(items.stockOf(itemId)).isZero();
  }

  @Test
  void aTicketWhoseOrderFailsReturnsItsUnitToTheSale() throws Exception {
    long itemId = items.create("short item", 19_900, 5);
    String saleId = createSale(itemId, 5, 1);
    // the shop then has fewer than the sale promises (a sale may not start out promising more)
    assertThat(admin().post("/api/admin/items/" + itemId + "/stock", "{\"delta\":-2}").status()).isEqualTo(200);
    List<ApiClient> buyers = concurrently(5, i -> newShopper());
    List<Answer> answers = concurrently(5, i -> buyers.get(i).post("/api/flash-sales/" + saleId + "/purchase", "{}"));
    assertThat(answers).extracting(Answer::status).containsOnly(202);

    Map<Integer, ApiClient> all = new ConcurrentHashMap<>();
    for (int i = 0; i < 5; i++) {
      all.put(i, buyers.get(i));
    }
    Map<Integer, JsonNode> settled = awaitSettled(saleId, all, answers);
    Map<String, Long> byStatus = settled.values().stream()
        .collect(Collectors.groupingBy(t -> t.get("status").asString(), Collectors.counting()));
    assertThat(byStatus).isEqualTo(Map.of("ORDERED", 3L, "FAILED", 2L));
    assertThat(remaining(saleId)).isEqualTo(2);
  }

  @Test
  void anUnpaidFlashOrderThatIsCancelledGivesItsUnitBack() {
    long itemId = items.create("cancelled item", 19_900, 10);
    String saleId = createSale(itemId, 1, 1);
    ApiClient buyer = newShopper();
    Answer purchase = buyer.post("/api/flash-sales/" + saleId + "/purchase", "{\"quantity\":1}");
    assertThat(purchase.status()).isEqualTo(202);
    assertThat(newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}").status()).isEqualTo(409);

    String ticketPath = "/api/flash-sales/" + saleId + "/purchase/" + purchase.json().get("ticket").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> buyer.get(ticketPath).json().get("status").asString().equals("ORDERED"));
    String orderId = buyer.get(ticketPath).json().get("orderId").asString();
    assertThat(buyer.post("/api/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).until(() -> remaining(saleId) == 1);
    assertThat(newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}").status()).isEqualTo(202);
  }

  @Test
  void aSoldOutAnswerRunsNoSql() throws Exception {
    long itemId = items.create("sold-out item", 19_900, 10);
    String saleId = createSale(itemId, 1, 1);
    List<ApiClient> buyers = concurrently(6, i -> newShopper());
    assertThat(buyers.get(0).post("/api/flash-sales/" + saleId + "/purchase", "{}").status()).isEqualTo(202);

    long before = SqlOnRequestThreads.count();
    assertThat(before).as("the counter sees the SQL of registrations and logins").isPositive();
    for (ApiClient late : buyers.subList(1, 6)) {
      Answer refused = late.post("/api/flash-sales/" + saleId + "/purchase", "{}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("detail").asString()).contains("sold out");
    }
    assertThat(SqlOnRequestThreads.count() - before).as("connections taken while answering sold out").isZero();
  }

  @Test
  void aSoldOutPurchaseIsARefusalValueAnsweredAsTheDocumentedProblem() {
    long itemId = items.create("refused item", 19_900, 10);
    String saleId = createSale(itemId, 1, 1);
    assertThat(newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}").status()).isEqualTo(202);

    Answer refused = newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.get("type").asString()).isEqualTo("about:blank");
    assertThat(problem.get("title").asString()).isEqualTo("Conflict");
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("detail").asString()).isEqualTo("flash sale " + saleId + " is sold out");

    // The same refusal for a caller who reads Chinese: only the detail changes language.
    JsonNode chinese = newShopper().post("/api/flash-sales/" + saleId + "/purchase", "{}",
        Map.of("Accept-Language", "zh-CN,zh;q=0.9")).json();
    assertThat(chinese.get("type").asString()).isEqualTo("about:blank");
    assertThat(chinese.get("title").asString()).isEqualTo("Conflict");
    assertThat(chinese.get("status").asInt()).isEqualTo(409);
    assertThat(chinese.get("detail").asString()).isEqualTo("秒杀 " + saleId + " 已售罄");

    // The module answers a refusal as a value: no exception (and no stack trace) per sold-out buyer.
    SaleId sale = SaleId.of(Long.parseLong(saleId));
    assertThat(flashSales.purchase(sale, UNKNOWN_BUYER, 1))
        .isEqualTo(new FlashPurchase.Refused(FlashPurchase.Reason.SOLD_OUT, sale));
  }

  @Test
  void oneBuyerGetsNoMoreThanTheLimit() {
    long itemId = items.create("limited item", 19_900, 10);
    String saleId = createSale(itemId, 10, 2);
    ApiClient buyer = newShopper();
    String purchase = "/api/flash-sales/" + saleId + "/purchase";
    assertThat(buyer.post(purchase, "{\"quantity\":2}").status()).isEqualTo(202);
    Answer third = buyer.post(purchase, "{\"quantity\":1}");
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.json().get("detail").asString()).contains("limit");
  }

  protected String createSale(long itemId, int stock, int limitPerUser) {
    return FlashSaleFixtures.createSale(admin(), itemId, FLASH_PRICE, stock, limitPerUser);
  }

  protected long remaining(String saleId) {
    return FlashSaleFixtures.remaining(anonymous(), saleId);
  }

  /** Polls every accepted ticket until none is QUEUED; answers the settled tickets by buyer index. */
  private static Map<Integer, JsonNode> awaitSettled(String saleId, Map<Integer, ApiClient> accepted, List<Answer> answers) {
    Map<Integer, JsonNode> settled = new ConcurrentHashMap<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      accepted.forEach((i, buyer) -> {
        if (!settled.containsKey(i)) {
          JsonNode ticket = buyer.get("/api/flash-sales/" + saleId + "/purchase/"
              + answers.get(i).json().get("ticket").asString()).json();
          if (!ticket.get("status").asString().equals("QUEUED")) {
            settled.put(i, ticket);
          }
        }
      });
      return settled.size() == accepted.size();
    });
    return settled;
  }

  static <T> List<T> concurrently(int count, FlashSaleFixtures.IndexedCall<T> call, CountDownLatch... start)
      throws Exception {
    return FlashSaleFixtures.concurrently(count, call, start);
  }
}
