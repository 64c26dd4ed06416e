package com.bazaar.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every door that checks a password shares one throttle and one log (issue 10, item 2), and
 * sign-ups are throttled per address (item 4). The production budgets (20 per address, 10 per
 * username, 10 sign-ups), but over an hour rather than a minute: a limit is a token bucket,
 * which gives one attempt back every period / permits (6 s at 10 a minute) — less time than
 * ten password checks take on a loaded test machine; over an hour none comes back while a
 * test runs. Each test from its own client address (profile edge trusts X-Forwarded-For from
 * 127.0.0.1, as from nginx).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bazaar.rate-limits.login.permits=20", "bazaar.rate-limits.login.period=1h",
      "bazaar.rate-limits.login-user.permits=10", "bazaar.rate-limits.login-user.period=1h",
      "bazaar.rate-limits.registration.permits=10", "bazaar.rate-limits.registration.period=1h"
    })
@ActiveProfiles({"test", "edge"})
@ExtendWith(OutputCaptureExtension.class)
class LoginAndSignUpThrottleTest {
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern THROTTLED = Pattern.compile("/login\\?throttled=(\\d+)$");

  @LocalServerPort int port;

  @Test
  void fortyWrongFormLoginsAreThrottledAndThenEvenTheRightPasswordIsRefused() {
    String username = register(newAddress());
    Browser browser = new Browser(newAddress());

    List<String> redirects = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      redirects.add(browser.logIn(username, "wrong-password-" + i));
    }

    assertThat(redirects.subList(0, 10)).allSatisfy(to -> assertThat(to).endsWith("/login?error"));
    assertThat(redirects.subList(10, 40)).allSatisfy(to -> assertThat(to).containsPattern(THROTTLED));
    String refused = browser.logIn(username, "password-" + username);
    Matcher wait = THROTTLED.matcher(refused);
    assertThat(wait.find()).as("the right password while throttled: %s", refused).isTrue();
    assertThat(Long.parseLong(wait.group(1))).as("until one attempt is back: 1 h / 10 at most")
        .isBetween(1L, 360L);

    Answer page = browser.page("/login?throttled=" + wait.group(1));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("data-test=\"login-throttled\"", "请 " + wait.group(1) + " 秒后再试");
  }

  @Test
  void theApiDoorSharesTheFormsBudgetForAUsername() {
    String username = register(newAddress());
    Browser browser = new Browser(newAddress());
    for (int i = 0; i < 10; i++) {
      browser.logIn(username, "wrong-password");
    }

    Answer api = apiLogin(newAddress(), username, "password-" + username);

    assertThat(api.status()).isEqualTo(429);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(api.header("Retry-After")).isNotBlank();
  }

  @Test
  void theFormDoorSharesTheApisBudgetForAnAddress() {
    String address = newAddress();
    for (int i = 0; i < 20; i++) {
      assertThat(apiLogin(address, "nobody" + i, "wrong-password").status()).isEqualTo(401);
    }

    assertThat(new Browser(address).logIn("somebody", "wrong-password")).containsPattern(THROTTLED);
  }

  @Test
  void bothDoorsLogFailuresAlike(CapturedOutput output) {
    String address = newAddress();
    new Browser(address).logIn("form_door_user", "wrong-password");
    apiLogin(address, "api_door_user", "wrong-password");

    assertThat(output.getOut())
        .contains("login failed for form_door_user from " + address)
        .contains("login failed for api_door_user from " + address);
  }

  @Test
  void oneAddressMayRegisterTenAccountsAnHour() {
    String address = newAddress();
    for (int i = 0; i < 10; i++) {
      register(address);
    }

    Answer eleventh = registration(address, "one_more_" + System.nanoTime());

    assertThat(eleventh.status()).isEqualTo(429);
    assertThat(eleventh.contentType()).startsWith("application/problem+json");
    assertThat(eleventh.header("Retry-After")).isNotBlank();
    assertThat(registration(newAddress(), "elsewhere_" + System.nanoTime()).status()).isEqualTo(201);
  }

  @Test
  void theSignUpFormSharesTheRegistrationBudgetAndSaysSo() {
    String address = newAddress();
    for (int i = 0; i < 10; i++) {
      register(address);
    }
    Browser browser = new Browser(address);
    String csrf = browser.csrfFrom("/register");

    Answer form = browser.postForm("/register", Map.of("_csrf", csrf, "username", "form_" + System.nanoTime(),
        "email", "form@example.com", "password", "a-long-enough-password"));

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("该地址注册过于频繁");
  }

  private String newAddress() {
    return "198.51.100." + CLIENTS.incrementAndGet();
  }

  private String register(String address) {
    String username = "throttled_" + CLIENTS.incrementAndGet() + "_" + System.nanoTime() % 100000;
    Answer answer = registration(address, username);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return username;
  }

  private Answer registration(String address, String username) {
    return new ApiClient(port).post("/api/users",
        ApiClient.json(Map.of("username", username, "password", "password-" + username, "email", username + "@example.com")),
        Map.of("X-Forwarded-For", address));
  }

  private Answer apiLogin(String address, String username, String password) {
    return new ApiClient(port).post("/api/session", ApiClient.json(Map.of("username", username, "password", password)),
        Map.of("X-Forwarded-For", address));
  }

  /** A browser at one client address: its own cookies, pages as text/html, forms with their CSRF token. */
  private final class Browser {
    private final ApiClient http = new ApiClient(port);
    private final String address;

    Browser(String address) {
      this.address = address;
    }

    Answer page(String path) {
      return http.send("GET", path, null, Map.of("Accept", "text/html", "X-Forwarded-For", address));
    }

    String csrfFrom(String path) {
      Matcher token = CSRF.matcher(page(path).body());
      assertThat(token.find()).as("CSRF token on " + path).isTrue();
      return token.group(1);
    }

    /** Posts the login form and answers where it redirects. */
    String logIn(String username, String password) {
      Answer answer = postForm("/login", Map.of("_csrf", csrfFrom("/login"), "username", username, "password", password));
      assertThat(answer.status()).as(answer.body()).isEqualTo(302);
      return answer.header("Location");
    }

    Answer postForm(String path, Map<String, String> fields) {
      StringBuilder form = new StringBuilder();
      fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
      return http.send("POST", path, form.toString(), Map.of("Content-Type", "application/x-www-form-urlencoded",
          "Accept", "text/html", "X-Forwarded-For", address));
    }
  }
}
