package com.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionApiTest extends ApiTest {

  @Test
  void registeredUserCanLogInSeeTheSessionAndLogOut() {
    ApiClient client = anonymous();
    var registered = client.post("/api/users",
        ApiClient.json(Map.of("username", "session_user", "password", "long-enough", "email", "s@example.com")));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().get("id").isString()).isTrue();

    var login = client.post("/api/session", ApiClient.json(Map.of("username", "Session_User", "password", "long-enough")));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Set-Cookie")).startsWith("SESSION=");
    assertThat(login.json().get("roles").get(0).asString()).isEqualTo("USER");

    assertThat(client.get("/api/session").json().get("username").asString()).isEqualTo("session_user");
    assertThat(client.delete("/api/session").status()).isEqualTo(204);
    assertThat(client.get("/api/session").status()).isEqualTo(401);
  }

  @Test
  void loginGivesTheSessionANewId() {
    ApiClient client = anonymous();
    // A protected page saves where the visitor wanted to go: the one kind of anonymous session.
    String before = sessionCookie(client.send("GET", "/cart", null, Map.of("Accept", "text/html", "X-Requested-With", "")));
    assertThat(before).as("the cart page remembers the visitor's way in a session").isNotNull();

    String after = sessionCookie(client.post("/api/session",
        ApiClient.json(Map.of("username", "alice", "password", "shopper-password"))));

    assertThat(after).isNotNull().isNotEqualTo(before);
    assertThat(client.get("/api/session").json().get("username").asString()).isEqualTo("alice");
  }

  private static String sessionCookie(ApiClient.Answer answer) {
    String setCookie = answer.header("Set-Cookie");
    return setCookie == null || !setCookie.startsWith("SESSION=") ? null : setCookie.split(";")[0];
  }

  @Test
  void wrongPasswordIsA401Problem() {
    var answer = anonymous().post("/api/session", ApiClient.json(Map.of("username", "admin", "password", "nope-nope")));
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }
}
