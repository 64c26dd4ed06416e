package com.bazaar.flashsale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A purchase of a sale the node has seen sold out is answered at the door (docs/flash-sales.md):
 * the same answer the purchase API gives, without the session, security or MVC. The memory lasts an
 * hour here, so that which of the two answered never depends on how fast the test runs.
 */
@TestPropertySource(properties = {"bazaar.flash.sold-out-memory=1h", FlashSaleStormContract.FAST_TEST_USERS,
    FlashSaleStormContract.GENEROUS_LIMITS})
class SoldOutAtTheDoorTest extends ApiTest {
  /** Headers that differ between any two answers. */
  private static final Set<String> PER_ANSWER = Set.of("date", "x-request-id", "content-length", "content-type");

  @Autowired TestItems items;
  @Autowired MeterRegistry meters;

  @Test
  void aSoldOutSaleIsAnsweredAtTheDoorAsThePurchaseApiAnswersIt() {
    String purchase = "/api/flash-sales/" + saleOfOneUnit() + "/purchase";
    assertThat(newShopper().post(purchase, "{}").status()).isEqualTo(202);

    double before = atTheDoor();
    Answer fromTheApi = newShopper().post(purchase, "{}");
    assertThat(atTheDoor()).as("the first sold-out answer comes from the counter").isEqualTo(before);
    Answer atTheDoor = newShopper().post(purchase, "{}");
    assertThat(atTheDoor()).as("the next one from the door").isEqualTo(before + 1);

    assertThat(atTheDoor.status()).isEqualTo(fromTheApi.status()).isEqualTo(409);
    assertThat(withoutTraceId(atTheDoor)).isEqualTo(withoutTraceId(fromTheApi));
    assertThat(atTheDoor.json().path("traceId").asString()).isEqualTo(atTheDoor.header("X-Request-Id"));
    assertThat(atTheDoor.contentType()).startsWith("application/problem+json");
    assertThat(sameEveryTime(atTheDoor)).isEqualTo(sameEveryTime(fromTheApi));
  }

  @Test
  void anyoneIsToldASaleIsSoldOutInTheirLanguageAndNoSessionIsMade() {
    String purchase = "/api/flash-sales/" + saleOfOneUnit() + "/purchase";
    assertThat(newShopper().post(purchase, "{}").status()).isEqualTo(202);
    Answer english = newShopper().post(purchase, "{}");
    double before = atTheDoor();

    Answer anonymous = anonymous().post(purchase, "{}");
    Answer chinese = anonymous().post(purchase, "{}", Map.of("Accept-Language", "zh-CN"));

    assertThat(atTheDoor()).isEqualTo(before + 2);
    assertThat(anonymous.status()).isEqualTo(409);
    assertThat(anonymous.json().path("detail").asString()).isEqualTo(english.json().path("detail").asString());
    assertThat(anonymous.header("Set-Cookie")).as("no session for an anonymous answer").isNull();
    assertThat(chinese.status()).isEqualTo(409);
    assertThat(chinese.json().path("detail").asString()).contains("售罄");
  }

  @Test
  void aUnitGivenBackIsBuyableAtOnceAndOtherPurchasesPassTheDoor() {
    String saleId = saleOfOneUnit();
    String purchase = "/api/flash-sales/" + saleId + "/purchase";
    ApiClient buyer = newShopper();
    Answer bought = buyer.post(purchase, "{}");
    assertThat(bought.status()).isEqualTo(202);
    assertThat(newShopper().post(purchase, "{}").status()).isEqualTo(409);
    assertThat(buyer.post("/api/flash-sales/404/purchase", "{}").status()).as("an unknown sale").isEqualTo(404);

    String ticket = purchase + "/" + bought.json().path("ticket").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> buyer.get(ticket).json().path("status").asString().equals("ORDERED"));
    String orderId = buyer.get(ticket).json().path("orderId").asString();
    assertThat(buyer.post("/api/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> FlashSaleFixtures.remaining(anonymous(), saleId) == 1);

    double before = atTheDoor();
    assertThat(newShopper().post(purchase, "{}").status()).as("the unit given back, within the hour").isEqualTo(202);
    assertThat(atTheDoor()).isEqualTo(before);
  }

  private String saleOfOneUnit() {
    long itemId = items.create("door item", 19_900, 10);
    return FlashSaleFixtures.createSale(admin(), itemId, 990, 1, 1);
  }

  private double atTheDoor() {
    return meters.get("bazaar.flash.sold.out.at.door").counter().count();
  }

  private static ObjectNode withoutTraceId(Answer answer) {
    ObjectNode body = (ObjectNode) answer.json();
    body.remove("traceId");
    return body;
  }

  /** The headers both answers must carry alike: the security headers and the rest. */
  private static Map<String, List<String>> sameEveryTime(Answer answer) {
    Map<String, List<String>> headers = new TreeMap<>();
    answer.headers().forEach((name, values) -> {
      if (!PER_ANSWER.contains(name.toLowerCase()) && !name.startsWith(":")) {
        headers.put(name.toLowerCase(), values);
      }
    });
    return headers;
  }
}
