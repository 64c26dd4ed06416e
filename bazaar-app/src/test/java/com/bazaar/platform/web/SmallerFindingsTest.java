package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The smaller findings of issue 10 (item 9), each as a client meets it. */
class SmallerFindingsTest extends ApiTest {
  @Autowired TestItems items;

  @Test
  void adminStockChangesStopAtTheDocumentedMillion() {
    long item = items.create("near the top", 100, 999_999);
    ApiClient admin = admin();

    Answer over = admin.post("/api/admin/items/" + item + "/stock", "{\"delta\":2}");

    assertThat(over.status()).as(over.body()).isEqualTo(400);
    assertThat(over.json().get("errors").get(0).get("field").asString()).isEqualTo("delta");
    assertThat(items.stockOf(item)).isEqualTo(999_999);
    assertThat(admin.post("/api/admin/items/" + item + "/stock", "{\"delta\":1}").status()).isEqualTo(200);
    assertThat(admin.post("/api/admin/items/" + item + "/stock", "{\"delta\":1}").status()).isEqualTo(400);
    assertThat(items.stockOf(item)).isEqualTo(1_000_000);
  }

  @Test
  void titlesRefuseBlankNulControlAndBidiOverrides() {
    String category = anonymous().get("/api/categories").json().get(0).get("id").asString();
    for (String title : new String[] {"", "   ", "phone\u0000case", "line\nbreak", "gnp.\u202Eexe", "iso\u2066late"}) {
      Answer answer = admin().post("/api/admin/items", ApiClient.json(TestItems.itemBody(title, 100, 1, category)));
      assertThat(answer.status()).as("%s: %s", title, answer.body()).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
    }
    Map<String, Object> nulInDescription = TestItems.itemBody("fine title", 100, 1, category);
    nulInDescription.put("description", "two\nlines\tand a \u0000");
    assertThat(admin().post("/api/admin/items", ApiClient.json(nulInDescription)).status()).isEqualTo(400);
    nulInDescription.put("description", "two\nlines\tand a tab");
    assertThat(admin().post("/api/admin/items", ApiClient.json(nulInDescription)).status()).isEqualTo(201);
  }

  @Test
  void aFlashSaleCannotOfferMoreUnitsThanTheItemHas() {
    long item = items.create("few for the sale", 19_900, 3);

    Answer answer = admin().post("/api/admin/flash-sales", ApiClient.json(Map.of(
        "itemId", String.valueOf(item),
        "price", Map.of("amount", 9_900, "currency", "CNY"),
        "stock", 4,
        "startsAt", Instant.now().toString(),
        "endsAt", Instant.now().plusSeconds(3600).toString(),
        "limitPerUser", 1)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("stock");
  }

  @Test
  void numbersAndBooleansSentAsStringsAreRefusedButStringIdsStillWork() {
    long item = items.create("strict json", 100, 10);
    ApiClient shopper = newShopper();

    Answer quantity = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":\"2\"}]}");
    Answer fromCart = shopper.post("/api/orders", "{\"fromCart\":\"true\"}");
    Answer cart = shopper.put("/api/cart/items/" + item, "{\"quantity\":\"2\"}");

    assertThat(quantity.status()).isEqualTo(400);
    assertThat(quantity.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
    assertThat(fromCart.status()).isEqualTo(400);
    assertThat(cart.status()).isEqualTo(400);
    assertThat(items.stockOf(item)).isEqualTo(10);
    assertThat(shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":2}]}").status())
        .as("ids as strings, as API.md documents").isEqualTo(201);
  }

  @Test
  void anEmptyIdempotencyKeyIsMalformedNotAbsent() {
    long item = items.create("empty key", 100, 10);
    ApiClient shopper = newShopper();

    Answer answer = shopper.post("/api/orders", "{\"lines\":[{\"itemId\":\"" + item + "\",\"quantity\":1}]}",
        Map.of("Idempotency-Key", ""));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    assertThat(items.stockOf(item)).isEqualTo(10);
  }

  @Test
  void theErrorPathAskedForDirectlyIsNotFoundNotAServerError() {
    Answer json = anonymous().get("/error");
    Answer page = anonymous().send("GET", "/error", null, Map.of("Accept", "text/html"));

    assertThat(json.status()).isEqualTo(404);
    assertThat(json.contentType()).startsWith("application/problem+json");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
  }

  @Test
  void pagesAndApiAnswersCarryAContentSecurityPolicyThatAllowsOnlyTheShopsOwnScriptFiles() {
    for (String path : new String[] {"/", "/login", "/api/items?size=1"}) {
      String policy = anonymous().send("GET", path, null, Map.of("Accept", "text/html")).header("Content-Security-Policy");
      assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self';", "style-src 'self'",
              "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
    }
  }

  @Test
  void pagesHoldNothingThePolicyWouldBlock() {
    long item = anonymous().get("/api/items?size=1").json().get("content").get(0).get("id").asLong();
    for (String path : new String[] {"/", "/login", "/search?q=phone", "/items/" + item}) {
      String page = anonymous().send("GET", path, null, Map.of("Accept", "text/html")).body();
      // An inline style attribute or script would be dropped by the browser under the policy above.
      assertThat(page).as(path).doesNotContain(" style=", "<script", " onclick=");
    }
  }
}
