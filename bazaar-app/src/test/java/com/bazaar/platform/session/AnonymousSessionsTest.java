package com.bazaar.platform.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sessions cost memory on every node (or a Redis key), so only a login or a cart makes one:
 * anonymous pages, forms with CSRF tokens and API calls — refused ones included — make none.
 * Counted in the session store itself.
 */
class AnonymousSessionsTest extends ApiTest {
  /** As a browser asks: no X-Requested-With, which would mark the request as an API call. */
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html", "X-Requested-With", "");
  private static final Map<String, String> FORM =
      Map.of("Accept", "text/html", "X-Requested-With", "", "Content-Type", "application/x-www-form-urlencoded");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired BoundedMapSessionRepository sessions;

  @Test
  void anonymousPagesAndApiCallsCreateNoSession() {
    String item = anonymous().get("/api/items?size=1").json().get("content").get(0).get("id").asString();
    String category = anonymous().get("/api/categories").json().get(0).get("id").asString();
    List<String> pages =
        List.of("/", "/?page=1", "/items/" + item, "/categories/" + category, "/search?q=phone", "/login", "/register");
    int before = sessions.count();

    for (int i = 0; i < 20; i++) {
      ApiClient visitor = anonymous();
      for (String page : pages) {
        assertThat(visitor.send("GET", page, null, BROWSER).status()).as(page).isEqualTo(200);
      }
      // The header's language switch keeps the choice in a cookie, not in a session.
      assertThat(visitor.send("GET", "/language?lang=en&return=/", null, BROWSER).status()).isEqualTo(303);
      assertThat(visitor.get("/api/items/" + item).status()).isEqualTo(200);
      assertThat(visitor.get("/api/search?q=phone").status()).isEqualTo(200);
      assertThat(visitor.get("/api/session").status()).isIn(200, 401);
      // Refused calls: not logged in, and (without X-Requested-With) no CSRF token either.
      assertThat(visitor.get("/api/cart").status()).isEqualTo(401);
      assertThat(visitor.get("/api/orders").status()).isEqualTo(401);
      assertThat(visitor.put("/api/cart/items/" + item, "{\"quantity\":1}").status()).isEqualTo(401);
      assertThat(visitor.send("POST", "/api/orders", "{}", Map.of("X-Requested-With", "")).status()).isEqualTo(403);
    }

    assertThat(sessions.count()).isEqualTo(before);
  }

  @Test
  void formLoginCreatesTheSessionAndGivesItANewId() {
    ApiClient shopper = anonymous();
    String username = "form" + System.nanoTime() % 1_000_000_000L;
    shopper.registerAndLogin(username).delete("/api/session");
    // A protected page remembers where the shopper wanted to go: the one anonymous session.
    assertThat(shopper.send("GET", "/cart", null, BROWSER).status()).isEqualTo(302);
    String before = sessionCookie(shopper);

    Answer login = formLogin(shopper, username, "password-" + username);

    assertThat(login.status()).isEqualTo(302);
    String after = sessionCookie(shopper);
    assertThat(after).isNotNull().isNotEqualTo(before);
    assertThat(sessions.findById(decode(before))).as("the pre-login session id is gone").isNull();
    assertThat(shopper.get("/api/session").json().get("username").asString()).isEqualTo(username);
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefusedAndWithItAccepted() {
    ApiClient shopper = anonymous();
    String username = "csrf" + System.nanoTime() % 1_000_000_000L;
    shopper.registerAndLogin(username).delete("/api/session");
    assertThat(formLogin(shopper, username, "password-" + username).status()).isEqualTo(302);
    String item = shopper.get("/api/items?size=1").json().get("content").get(0).get("id").asString();

    Answer forged = shopper.send("POST", "/cart/items", "itemId=" + item + "&quantity=1", FORM);
    Answer wrongToken =
        shopper.send("POST", "/cart/items", "itemId=" + item + "&quantity=1&_csrf=forged", FORM);
    String token = csrfToken(shopper.send("GET", "/items/" + item, null, BROWSER));
    Answer genuine =
        shopper.send("POST", "/cart/items", "itemId=" + item + "&quantity=1&_csrf=" + encode(token), FORM);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(genuine.status()).isEqualTo(302);
    assertThat(genuine.header("Location")).endsWith("/cart");
    assertThat(shopper.get("/api/cart").json().get("lines")).hasSize(1);
  }

  private static Answer formLogin(ApiClient client, String username, String password) {
    String token = csrfToken(client.send("GET", "/login", null, BROWSER));
    return client.send(
        "POST",
        "/login",
        "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token),
        FORM);
  }

  private static String csrfToken(Answer page) {
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("a CSRF token in the form").isTrue();
    return token.group(1);
  }

  private static String sessionCookie(ApiClient client) {
    return client.cookie("SESSION");
  }

  /** The SESSION cookie holds the session id in Base64. */
  private static String decode(String cookie) {
    return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
