package com.bazaar.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The benchmark's baseline is correct too: the row update serializes buyers, nothing is oversold. */
@TestPropertySource(properties = {FlashSaleStormContract.FAST_TEST_USERS, FlashSaleStormContract.GENEROUS_LIMITS,
    FlashSaleStormContract.GENEROUS_LOGINS, "bazaar.flash.mode=naive"})
class NaiveFlashSaleTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void naivePurchasesOrderAtOnceAndNeverOversell() throws Exception {
    long itemId = items.create("naive item", 19_900, 10);
    String saleId = FlashSaleFixtures.createSale(admin(), itemId, 990, 10, 1);
    List<ApiClient> buyers = FlashSaleFixtures.concurrently(50, i -> newShopper());
    List<Answer> answers = FlashSaleFixtures.concurrently(50, i -> buyers.get(i).post("/api/flash-sales/" + saleId + "/purchase", "{}"));

    assertThat(answers).extracting(Answer::status).containsOnly(202, 409);
    List<Answer> accepted = answers.stream().filter(a -> a.status() == 202).toList();
    assertThat(accepted).hasSize(10).allSatisfy(a -> assertThat(a.json().get("status").asString()).isEqualTo("ORDERED"));
    assertThat(FlashSaleFixtures.remaining(anonymous(), saleId)).isZero();
    assertThat(items.stockOf(itemId)).isZero();

    int first = answers.indexOf(accepted.get(0));
    String orderId = accepted.get(0).json().get("orderId").asString();
    assertThat(buyers.get(first).post("/api/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> FlashSaleFixtures.remaining(anonymous(), saleId) == 1);
  }
}
