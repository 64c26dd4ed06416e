package com.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Look-alike usernames and common passwords are refused at registration (issue 10, item 8). */
class UsernameAndPasswordRulesTest extends ApiTest {

  @Test
  void fullWidthAdminIsTheAdminsNameAndTaken() {
    assertThat(register("ａｄｍｉｎ", "a-long-enough-password").status()).isEqualTo(409);
  }

  @Test
  void adminWithACyrillicAIsRefused() {
    Answer answer = register("\u0430dmin", "a-long-enough-password");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
  }

  @Test
  void aNameThatLooksLikeAnExistingOneIsTaken() {
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    assertThat(register("xopec_" + suffix, "a-long-enough-password").status()).isEqualTo(201);

    assertThat(register("admin" + suffix, "a-long-enough-password").status()).isEqualTo(201);

    Answer cyrillic = register("хорес_" + suffix, "a-long-enough-password");
    Answer rn = register("adrnin" + suffix, "a-long-enough-password");

    assertThat(cyrillic.status()).as(cyrillic.body()).isEqualTo(409);
    assertThat(cyrillic.json().get("detail").asString()).contains("looks too much like");
    assertThat(rn.status()).as("rn looks like m").isEqualTo(409);
  }

  @Test
  void aFullWidthNameIsStoredNormalizedAndLogsInEitherWay() {
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String fullWidth = "ｗｉｄｅ" + suffix;
    Answer created = register(fullWidth, "a-long-enough-password");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("username").asString()).isEqualTo("wide" + suffix);
    new ApiClient(port).login("WIDE" + suffix, "a-long-enough-password");
    new ApiClient(port).login(fullWidth, "a-long-enough-password");
  }

  @Test
  void commonPasswordsAreRefused() {
    for (String common : new String[] {"password", "iloveyou", "Sunshine", "12345678", "football"}) {
      Answer answer = register("common_" + System.nanoTime() % 1_000_000, common);
      assertThat(answer.status()).as(common).isEqualTo(400);
      assertThat(answer.body()).as(common).contains("password");
    }
  }

  @Test
  void thePasswordMayNotBeTheUsername() {
    String name = "samename_" + System.nanoTime() % 1_000_000;
    assertThat(register(name, name.toUpperCase()).status()).isEqualTo(400);
  }

  private Answer register(String username, String password) {
    return anonymous().post("/api/users",
        ApiClient.json(Map.of("username", username, "password", password, "email", "rules@example.com")));
  }
}
