package com.bazaar.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CartApiTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void aNewShopperHasAnEmptyCart() {
    var cart = newShopper().get("/api/cart");
    assertThat(cart.status()).isEqualTo(200);
    assertThat(cart.json().get("lines").size()).isZero();
    assertThat(cart.json().get("total").get("amount").asLong()).isZero();
    assertThat(cart.json().get("total").get("currency").asString()).isEqualTo("CNY");
  }

  @Test
  void settingQuantitiesPricesTheCartAtCurrentPrices() {
    long tea = items.create("tea", 1250, 50);
    long cup = items.create("cup", 300, 50);
    ApiClient shopper = newShopper();

    assertThat(shopper.put("/api/cart/items/" + tea, "{\"quantity\":2}").status()).isEqualTo(200);
    var cart = shopper.put("/api/cart/items/" + cup, "{\"quantity\":3}");
    assertThat(cart.status()).isEqualTo(200);
    var lines = cart.json().get("lines");
    assertThat(lines.size()).isEqualTo(2);
    assertThat(lines.get(0).get("itemId").asString()).isEqualTo(String.valueOf(tea));
    assertThat(lines.get(0).get("title").asString()).isEqualTo("tea");
    assertThat(lines.get(0).get("price").get("amount").asLong()).isEqualTo(1250);
    assertThat(lines.get(0).get("quantity").asInt()).isEqualTo(2);
    assertThat(cart.json().get("total").get("amount").asLong()).isEqualTo(2 * 1250 + 3 * 300);

    var changed = shopper.put("/api/cart/items/" + tea, "{\"quantity\":1}");
    assertThat(changed.json().get("total").get("amount").asLong()).isEqualTo(1250 + 3 * 300);
  }

  @Test
  void quantityZeroAndDeleteRemoveALine() {
    long tea = items.create("tea", 100, 5);
    long cup = items.create("cup", 200, 5);
    ApiClient shopper = newShopper();
    shopper.put("/api/cart/items/" + tea, "{\"quantity\":2}");
    shopper.put("/api/cart/items/" + cup, "{\"quantity\":2}");

    assertThat(shopper.put("/api/cart/items/" + tea, "{\"quantity\":0}").json().get("lines").size()).isEqualTo(1);
    var afterDelete = shopper.delete("/api/cart/items/" + cup);
    assertThat(afterDelete.status()).isEqualTo(200);
    assertThat(afterDelete.json().get("lines").size()).isZero();
    assertThat(shopper.delete("/api/cart/items/" + cup).status()).isEqualTo(200);
  }

  @Test
  void shoppersSeeOnlyTheirOwnCart() {
    long tea = items.create("tea", 100, 5);
    ApiClient alice = newShopper();
    alice.put("/api/cart/items/" + tea, "{\"quantity\":2}");
    assertThat(newShopper().get("/api/cart").json().get("lines").size()).isZero();
  }

  @Test
  void linesOfItemsThatLeftTheCatalogAreDropped() {
    long gone = items.create("gone", 100, 5);
    long kept = items.create("kept", 200, 5);
    ApiClient shopper = newShopper();
    shopper.put("/api/cart/items/" + gone, "{\"quantity\":1}");
    shopper.put("/api/cart/items/" + kept, "{\"quantity\":1}");
    items.delete(gone);

    var cart = shopper.get("/api/cart").json();
    assertThat(cart.get("lines").size()).isEqualTo(1);
    assertThat(cart.get("total").get("amount").asLong()).isEqualTo(200);
  }

  @Test
  void anUnknownItemIsA404() {
    var answer = newShopper().put("/api/cart/items/999999999", "{\"quantity\":1}");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void badInputIsA400Problem() {
    long tea = items.create("tea", 100, 5);
    ApiClient shopper = newShopper();
    for (String body : new String[] {"{\"quantity\":-1}", "{\"quantity\":1000}", "{\"quantity\":\"x\"}", "{}",
        "not json", "{\"quantity\":99999999999}"}) {
      var answer = shopper.put("/api/cart/items/" + tea, body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
    }
    assertThat(shopper.put("/api/cart/items/abc", "{\"quantity\":1}").status()).isEqualTo(400);
    assertThat(shopper.put("/api/cart/items/99999999999999999999", "{\"quantity\":1}").status()).isEqualTo(400);
    assertThat(shopper.delete("/api/cart/items/abc").status()).isEqualTo(400);
  }

  @Test
  void aCartHoldsAtMostWhatOneOrderMayAskOfAnItem() {
    long tea = items.create("bulk tea", 100, 1_000);
    ApiClient shopper = newShopper();

    var tooMany = shopper.put("/api/cart/items/" + tea, "{\"quantity\":" + (Carts.MAX_QUANTITY + 1) + "}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
    assertThat(tooMany.json().get("errors").get(0).get("message").asString()).contains("200");

    assertThat(shopper.put("/api/cart/items/" + tea, "{\"quantity\":" + Carts.MAX_QUANTITY + "}").status())
        .isEqualTo(200);
    var placed = shopper.post("/api/orders", "{\"fromCart\":true}");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(placed.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(200);
  }

  @Test
  void theCartNeedsALogin() {
    assertThat(anonymous().get("/api/cart").status()).isEqualTo(401);
    assertThat(anonymous().put("/api/cart/items/1", "{\"quantity\":1}").status()).isEqualTo(401);
  }
}
