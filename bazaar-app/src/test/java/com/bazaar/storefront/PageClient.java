package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.TestHttpClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without the browser, for page tests: its own cookie jar, {@code Accept: text/html}
 * and no {@code X-Requested-With} (which would make a request an API call), redirects not
 * followed so a test sees where a page sends the shopper. Forms are posted with the CSRF token
 * a page of the shop hands out, as a browser would.
 */
final class PageClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http = TestHttpClients.withCookies();

  private PageClient(int port) {
    this.port = port;
  }

  static PageClient anonymous(int port) {
    return new PageClient(port);
  }

  /** Logged in through the session API (which the login form shares), as this user. */
  static PageClient loggedIn(int port, String username, String password) {
    PageClient client = new PageClient(port);
    Answer login = client.send(HttpRequest.newBuilder(client.uri("/api/session"))
        .header("X-Requested-With", "XMLHttpRequest")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("username", username, "password", password)))));
    assertThat(login.status()).as("login of %s: %s", username, login.body()).isEqualTo(200);
    return client;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
  }

  /** Posts a form with a fresh CSRF token, taken from the home page's log-out form (or the login page's). */
  Answer post(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrfToken());
    return send(HttpRequest.newBuilder(uri(path))
        .header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer post(String path) {
    return post(path, Map.of());
  }

  private String csrfToken() {
    for (String page : new String[] {"/", "/login"}) {
      Matcher token = CSRF.matcher(get(page).body());
      if (token.find()) {
        return token.group(1);
      }
    }
    throw new AssertionError("no page handed out a CSRF token");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The seconds of the page's {@code <meta http-equiv="refresh">}, or -1 when it has none. */
  static int refreshSeconds(String page) {
    Matcher refresh = Pattern.compile("<meta\\s+http-equiv=\"refresh\"\\s+content=\"([0-9]+)\"").matcher(page);
    return refresh.find() ? Integer.parseInt(refresh.group(1)) : -1;
  }

  /** The text of the element whose attribute is given (e.g. {@code data-test="sale-remaining"}), trimmed. */
  static String textOf(String page, String attribute) {
    Matcher text = Pattern.compile(Pattern.quote(attribute) + "[^>]*>([^<]*)<").matcher(page);
    assertThat(text.find()).as("element with " + attribute).isTrue();
    return text.group(1).strip();
  }

  /** The path of a redirect's Location, without scheme and host. */
  static String location(Answer answer) {
    String location = answer.header("Location");
    assertThat(location).as("redirect of %s", answer).isNotNull();
    URI uri = URI.create(location);
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
