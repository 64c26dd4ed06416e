package com.bazaar.order;

import static com.bazaar.order.OrderApiTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 13's checkout choices on the order API: the delivery address copied into the order, the payment method. */
class OrderDeliveryApiTest extends ApiTest {
  @Autowired TestItems items;

  static Map<String, Object> address(String recipient, boolean makeDefault) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("recipient", recipient);
    address.put("phone", "13900139000");
    address.put("region", "广东省");
    address.put("city", "深圳市");
    address.put("line", "南山区科技园 1 号");
    address.put("default", makeDefault);
    return address;
  }

  static String addAddress(ApiClient shopper, String recipient, boolean makeDefault) {
    Answer added = shopper.post("/api/addresses", ApiClient.json(address(recipient, makeDefault)));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  static String withChoices(String linesJson, String choices) {
    return linesJson.substring(0, linesJson.length() - 1) + "," + choices + "}";
  }

  @Test
  void anOrderKeepsItsCopyOfTheAddressAfterTheBookChangesOrLosesIt() {
    long tea = items.create("tea", 800, 10);
    ApiClient shopper = newShopper();
    addAddress(shopper, "默认 Default", true);
    String chosen = addAddress(shopper, "孙七", false);

    Answer placed = shopper.post("/api/orders",
        withChoices(lines(tea, 1), "\"addressId\":\"" + chosen + "\",\"paymentMethod\":\"WECHAT\""));
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String order = placed.json().get("id").asString();
    assertThat(placed.json().get("address").get("recipient").asString()).isEqualTo("孙七");
    assertThat(placed.json().get("address").get("city").asString()).isEqualTo("深圳市");
    assertThat(placed.json().get("paymentMethod").asString()).isEqualTo("WECHAT");

    assertThat(shopper.put("/api/addresses/" + chosen, ApiClient.json(address("改名 Renamed", false))).status())
        .isEqualTo(200);
    assertThat(shopper.get("/api/orders/" + order).json().get("address").get("recipient").asString()).isEqualTo("孙七");
    assertThat(shopper.delete("/api/addresses/" + chosen).status()).isEqualTo(204);
    var kept = shopper.get("/api/orders/" + order).json();
    assertThat(kept.get("address").get("recipient").asString()).isEqualTo("孙七");
    assertThat(kept.get("address").get("line").asString()).isEqualTo("南山区科技园 1 号");

    Answer paid = shopper.post("/api/orders/" + order + "/pay", "");
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
    assertThat(paid.json().get("paymentMethod").asString()).isEqualTo("WECHAT");
  }

  @Test
  void withoutAnAddressIdTheDefaultAddressIsUsedAndWithoutAnyAddressNone() {
    long tea = items.create("tea", 500, 10);
    ApiClient bare = newShopper();
    Answer none = bare.post("/api/orders", lines(tea, 1));
    assertThat(none.status()).isEqualTo(201);
    assertThat(none.json().get("address").isNull()).as("an order without an address, as before").isTrue();
    assertThat(none.json().get("paymentMethod").isNull()).isTrue();
    assertThat(bare.post("/api/orders/" + none.json().get("id").asString() + "/pay", "").status()).isEqualTo(200);

    ApiClient shopper = newShopper();
    addAddress(shopper, "周八", false);
    shopper.put("/api/cart/items/" + tea, "{\"quantity\":2}");
    Answer fromCart = shopper.post("/api/orders", "{\"fromCart\":true,\"paymentMethod\":\"CARD\"}");
    assertThat(fromCart.status()).isEqualTo(201);
    assertThat(fromCart.json().get("address").get("recipient").asString()).isEqualTo("周八");
    assertThat(fromCart.json().get("paymentMethod").asString()).isEqualTo("CARD");
  }

  @Test
  void anotherShoppersAddressOrAnUnknownMethodPlacesNothing() {
    long tea = items.create("tea", 500, 10);
    ApiClient owner = newShopper();
    String theirs = addAddress(owner, "owner", true);
    ApiClient shopper = newShopper();

    for (String choices : new String[] {"\"addressId\":\"" + theirs + "\"", "\"addressId\":\"123\"",
        "\"paymentMethod\":\"BITCOIN\"", "\"paymentMethod\":\"alipay\"", "\"addressId\":\"x\""}) {
      Answer refused = shopper.post("/api/orders", withChoices(lines(tea, 1), choices));
      assertThat(refused.status()).as(choices).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(shopper.get("/api/orders").json().get("content").size()).isZero();
    assertThat(items.stockOf(tea)).isEqualTo(10);
  }
}
