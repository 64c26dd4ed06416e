package com.bazaar.storefront;

import static com.bazaar.storefront.PageClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The checkout review and address book pages over plain HTTP: what a form can and cannot do. */
class CheckoutPagesTest extends ApiTest {
  @Autowired TestItems items;

  private record Shopper(ApiClient api, PageClient pages) {}

  private Shopper shopper(String prefix) {
    String username = prefix + System.nanoTime() % 1_000_000_000L;
    ApiClient api = new ApiClient(port).registerAndLogin(username);
    return new Shopper(api, PageClient.loggedIn(port, username, "password-" + username));
  }

  private static String addAddress(ApiClient api, String recipient) {
    Answer added = api.post("/api/addresses", ApiClient.json(Map.of("recipient", recipient, "phone", "13700137000",
        "region", "北京市", "city", "北京市", "line", "朝阳区建国路 88 号")));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  @Test
  void anEmptyCartHasNothingToReview() {
    Answer review = shopper("emptyreview").pages().get("/checkout");
    assertThat(review.status()).isEqualTo(302);
    assertThat(location(review)).isEqualTo("/cart");
  }

  @Test
  void theReviewShowsTheShoppersAddressesEscapedWithTheDefaultChosen() {
    Shopper shopper = shopper("review");
    addAddress(shopper.api(), "<b>Bold</b> 王");
    shopper.api().put("/api/cart/items/" + items.create("审核 review cup", 1_200, 5), "{\"quantity\":1}");

    String page = shopper.pages().get("/checkout").body();
    assertThat(page).contains("&lt;b&gt;Bold&lt;/b&gt; 王", "checked", "¥12.00", "微信支付", "name=\"idempotencyKey\"")
        .doesNotContain("<b>Bold</b>")
        .containsPattern("name=\"addressId\" value=\"\\d+\" checked"); // the default address, not only a payment method
  }

  @Test
  void theReviewAndThePlacedOrderShowTheSameLinesTable() {
    Shopper shopper = shopper("lines");
    addAddress(shopper.api(), "张三 Lines");
    long cup = items.create("行 lines cup", 1_200, 5);
    shopper.api().put("/api/cart/items/" + cup, "{\"quantity\":2}");
    String row = "<a href=\"/items/" + cup + "\">行 lines cup</a>";

    String review = shopper.pages().get("/checkout").body();
    assertThat(review).contains("id=\"checkout-lines\"", "data-test=\"checkout-line\"", row, "¥12.00", "¥24.00");

    Answer placed = shopper.pages().post("/checkout", Map.of("paymentMethod", "CARD",
        "idempotencyKey", "lines-" + System.nanoTime()));
    assertThat(location(placed)).startsWith("/orders/");
    String order = shopper.pages().get(location(placed)).body();
    assertThat(order).contains("id=\"order-lines\"", "data-test=\"order-line\"", row, "¥12.00", "¥24.00");
  }

  @Test
  void anotherShoppersAddressCannotBeChangedOrUsedThroughTheForms() {
    Shopper owner = shopper("owner");
    String theirs = addAddress(owner.api(), "主人 Owner");
    Shopper other = shopper("other");
    long cup = items.create("别人的地址 other's address cup", 900, 5);
    other.api().put("/api/cart/items/" + cup, "{\"quantity\":1}");

    assertThat(location(other.pages().post("/addresses/" + theirs + "/delete"))).isEqualTo("/addresses");
    assertThat(location(other.pages().post("/addresses/" + theirs + "/default"))).isEqualTo("/addresses");
    Answer placed = other.pages().post("/checkout", Map.of("addressId", theirs, "paymentMethod", "CARD",
        "idempotencyKey", "other-" + System.nanoTime()));
    assertThat(location(placed)).as("nothing placed, back to the cart").isEqualTo("/cart");
    assertThat(other.api().get("/api/orders").json().get("content").size()).isZero();
    assertThat(other.api().get("/api/cart").json().get("lines").size()).isEqualTo(1);
    assertThat(items.stockOf(cup)).isEqualTo(5);

    var kept = owner.api().get("/api/addresses/" + theirs).json();
    assertThat(kept.get("recipient").asString()).isEqualTo("主人 Owner");
    assertThat(kept.get("default").asBoolean()).isTrue();
  }

  @Test
  void aRefusedAddressFormSavesNothing() {
    Shopper shopper = shopper("badform");
    Answer refused = shopper.pages().post("/addresses", Map.of("recipient", "x", "phone", "not a phone",
        "region", "r", "city", "c", "line", "l", "returnTo", "checkout"));
    assertThat(location(refused)).startsWith("/checkout");
    assertThat(shopper.api().get("/api/addresses").json().size()).isZero();
  }

  @Test
  void aRefusedAddressSaysWhyInThePagesLanguage() {
    Shopper shopper = shopper("whyform");
    Map<String, String> badPhone = Map.of("recipient", "x", "phone", "not a phone", "region", "r", "city", "c",
        "line", "l");
    assertThat(location(shopper.pages().post("/addresses", badPhone))).startsWith("/addresses");
    assertThat(shopper.pages().get("/addresses").body())
        .contains("请检查地址：phone 必须是以 1 开头的 11 位手机号，或 6 到 15 位数字（可带前导 +）");

    shopper.pages().get("/language?lang=en&return=/addresses");
    shopper.pages().post("/addresses", badPhone);
    assertThat(shopper.pages().get("/addresses").body()).contains("Please check the address: phone must be a mobile"
        + " number of 11 digits starting with 1, or 6 to 15 digits with an optional leading +");
  }

  @Test
  void anAddressIsEditedThroughItsForm() {
    Shopper shopper = shopper("edit");
    String id = addAddress(shopper.api(), "旧名 Old");
    assertThat(shopper.pages().get("/addresses").body()).contains("href=\"/addresses/" + id + "/edit\"");
    String form = shopper.pages().get("/addresses/" + id + "/edit").body();
    assertThat(form).contains("action=\"/addresses/" + id + "\"", "value=\"旧名 Old\"", "value=\"13700137000\"",
        "name=\"_csrf\"");

    Answer saved = shopper.pages().post("/addresses/" + id, Map.of("recipient", "新名 New", "phone", "13600136000",
        "region", "上海市", "city", "上海市", "line", "世纪大道 100 号", "postcode", "200120", "makeDefault", "true"));
    assertThat(location(saved)).isEqualTo("/addresses");
    var changed = shopper.api().get("/api/addresses/" + id).json();
    assertThat(changed.get("recipient").asString()).isEqualTo("新名 New");
    assertThat(changed.get("phone").asString()).isEqualTo("13600136000");
    assertThat(changed.get("postcode").asString()).isEqualTo("200120");
  }

  @Test
  void aBadPhoneInTheEditFormIsShownBesideTheFieldAndChangesNothing() {
    Shopper shopper = shopper("badedit");
    String id = addAddress(shopper.api(), "原样 Kept");
    Answer refused = shopper.pages().post("/addresses/" + id, Map.of("recipient", "改了 Changed", "phone", "not a phone",
        "region", "r", "city", "c", "line", "l"));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"phone-error\"", "value=\"改了 Changed\"", "value=\"not a phone\"");
    assertThat(refused.body()).as("the reason in the page's language").contains("必须是以 1 开头的 11 位手机号")
        .doesNotContain("must be a mobile number");
    var kept = shopper.api().get("/api/addresses/" + id).json();
    assertThat(kept.get("recipient").asString()).isEqualTo("原样 Kept");
    assertThat(kept.get("phone").asString()).isEqualTo("13700137000");
  }

  @Test
  void anotherShoppersAddressCannotBeOpenedOrSavedForEditing() {
    String theirs = addAddress(shopper("editowner").api(), "主人 Owner");
    Shopper other = shopper("editother");
    assertThat(other.pages().get("/addresses/" + theirs + "/edit").status()).isEqualTo(404);
    Answer saved = other.pages().post("/addresses/" + theirs, Map.of("recipient", "抢 Taken", "phone", "13600136000",
        "region", "r", "city", "c", "line", "l"));
    assertThat(saved.status()).isEqualTo(404);
    assertThat(other.pages().get("/addresses/999999999/edit").status()).isEqualTo(404);
  }
}
