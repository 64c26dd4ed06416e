package com.bazaar.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shopper's HTTP client for tests: real HTTP against the running app, its own cookie jar
 * (so its own session), and the {@code X-Requested-With} header API.md asks of API clients.
 */
public final class ApiClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final HttpClient http;

  public ApiClient(int port) {
    this("http://localhost:" + port, TestHttpClients.withCookies());
  }

  private ApiClient(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** The same shopper (same cookie jar, so same session) talking to another port: another node. */
  public ApiClient at(int port) {
    return new ApiClient("http://localhost:" + port, http);
  }

  /** The value of a cookie this client holds, or null. */
  public String cookie(String name) {
    CookieManager jar = (CookieManager) http.cookieHandler().orElseThrow();
    return jar.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public Answer get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Answer post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Answer post(String path, String json, Map<String, String> headers) {
    return send("POST", path, json, headers);
  }

  public Answer put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Logs in through the API and fails the test if that does not work. */
  public ApiClient login(String username, String password) {
    Answer answer = post("/api/session", json(Map.of("username", username, "password", password)));
    if (answer.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + answer);
    }
    return this;
  }

  /** Registers a fresh user with this name prefix and logs in as them. */
  public ApiClient registerAndLogin(String username) {
    String password = "password-" + username;
    Answer answer = post("/api/users",
        json(Map.of("username", username, "password", password, "email", username + "@example.com")));
    if (answer.status() != 201) {
      throw new AssertionError("registration of " + username + " failed: " + answer);
    }
    return login(username, password);
  }

  public Answer send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("X-Requested-With", "XMLHttpRequest")
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::setHeader);
    return exchange(request);
  }

  /** A multipart/form-data POST with one file part. */
  public Answer upload(String path, String part, String filename, String contentType, byte[] bytes) {
    return upload(path, part, filename, contentType, bytes, Map.of());
  }

  /** The same with headers of its own, e.g. a browser's {@code Accept: text/html}. */
  public Answer upload(
      String path, String part, String filename, String contentType, byte[] bytes, Map<String, String> headers) {
    String boundary = "----bazaar" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
    body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .header("X-Requested-With", "XMLHttpRequest")
        .header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    headers.forEach(request::setHeader);
    return exchange(request);
  }

  private Answer exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose body is kept as bytes (pictures). */
  public HttpResponse<byte[]> download(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  /** An HTTP answer with its body parsed on demand. */
  public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }
}
