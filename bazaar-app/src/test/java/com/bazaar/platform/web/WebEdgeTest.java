package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestHttpClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web edge as API.md describes it: every failure is problem+json with the right status,
 * and every response carries the request's trace id.
 */
class WebEdgeTest extends ApiTest {
  private static final String PROBLEM = "application/problem+json";

  @Test
  void everyResponseCarriesARequestId() {
    ApiClient client = anonymous();
    for (ApiClient.Answer answer :
        new ApiClient.Answer[] {
          client.get("/actuator/health"), client.get("/api/nope"), client.get("/api/cart"), client.get("/api/session")
        }) {
      assertThat(answer.header("X-Request-Id")).as("answer %s", answer).matches("[A-Za-z0-9._-]{8,64}");
    }
    assertThat(client.get("/actuator/health").header("X-Request-Id"))
        .isNotEqualTo(client.get("/actuator/health").header("X-Request-Id"));
  }

  @Test
  void aWellFormedIncomingRequestIdIsEchoed() {
    var answer = anonymous().send("GET", "/api/session", null, Map.of("X-Request-Id", "lb-7f3a9c21-0001"));
    assertThat(answer.header("X-Request-Id")).isEqualTo("lb-7f3a9c21-0001");
    assertThat(answer.json().get("traceId").asString()).isEqualTo("lb-7f3a9c21-0001");
  }

  @Test
  void aMalformedIncomingRequestIdIsReplaced() {
    var answer = anonymous().send("GET", "/api/session", null, Map.of("X-Request-Id", "bad id <script>"));
    assertThat(answer.header("X-Request-Id")).isNotEqualTo("bad id <script>").matches("[A-Za-z0-9._-]{8,64}");
  }

  @Test
  void anUnknownApiPathIsA404Problem() {
    var answer = anonymous().get("/api/nope");
    assertProblem(answer, 404);
  }

  @Test
  void aWrongMethodIsA405Problem() {
    var answer = anonymous().delete("/api/users");
    assertProblem(answer, 405);
  }

  @Test
  void aBodyThatIsNotJsonIsA415Problem() {
    var answer =
        anonymous().send("POST", "/api/users", "username=x", Map.of("Content-Type", "text/plain"));
    assertProblem(answer, 415);
  }

  @Test
  void aBodyOver64KilobytesIsA413Problem() {
    var answer = anonymous().post("/api/users", bigRegistration());
    assertProblem(answer, 413);
  }

  @Test
  void aChunkedBodyOver64KilobytesIsA413Problem() throws Exception {
    // No Content-Length: the limit must bite while the body is being read.
    byte[] body = bigRegistration().getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
            .header("Content-Type", "application/json")
            .header("X-Requested-With", "XMLHttpRequest")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
  }

  @Test
  void aStateChangingApiCallWithoutTheXRequestedWithHeaderIsA403Problem() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(registration(uniqueName(), "long-enough", "a@example.com")))
            .build();
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith(PROBLEM);
    assertThat(response.body()).contains("X-Requested-With");
  }

  @Test
  void aShortPasswordIsA400NamingThePassword() {
    assertFieldError(registration(uniqueName(), "short", "a@example.com"), "password");
  }

  @Test
  void aMalformedEmailIsA400NamingTheEmail() {
    assertFieldError(registration(uniqueName(), "long-enough", "not-an-email"), "email");
  }

  @Test
  void aMissingUsernameIsA400NamingTheUsername() {
    Map<String, Object> body = new HashMap<>();
    body.put("password", "long-enough");
    body.put("email", "a@example.com");
    assertFieldError(ApiClient.json(body), "username");
  }

  @Test
  void aUsernameWithSpacesIsA400NamingTheUsername() {
    assertFieldError(registration("has space", "long-enough", "a@example.com"), "username");
  }

  @Test
  void aPasswordOverBcrypts72BytesIsA400NamingThePassword() {
    String chinese = "密".repeat(34); // 34 characters, 102 bytes in UTF-8
    assertFieldError(registration(uniqueName(), chinese, "a@example.com"), "password");
  }

  @Test
  void aTakenUsernameIsA409WhateverItsCase() {
    String name = uniqueName();
    ApiClient client = anonymous();
    assertThat(client.post("/api/users", registration(name, "long-enough", "a@example.com")).status())
        .isEqualTo(201);
    var again = client.post("/api/users", registration(name.toUpperCase(), "long-enough", "b@example.com"));
    assertProblem(again, 409);
  }

  @Test
  void healthIsUp() {
    var answer = anonymous().get("/actuator/health");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).isEqualTo("UP");
    assertThat(answer.json().get("components").get("searchIndex").has("details"))
        .as("details are for admins only").isFalse();
  }

  @Test
  void adminsSeeHealthDetailsSuchAsTheSearchIndexSize() {
    var health = admin().get("/actuator/health").json();
    assertThat(health.get("components").get("searchIndex").get("details").get("documents").asLong()).isPositive();
  }

  @Test
  void prometheusMetricsAreServedAsTextToAdmins() {
    var answer = admin().send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("text/plain");
    assertThat(answer.body()).contains("jvm_memory");
  }

  @Test
  void metersAreNotForAnonymousCallersNorShoppers() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/http.server.requests"}) {
      assertProblem(anonymous().get(path), 401);
      assertProblem(newShopper().get(path), 403);
    }
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
  }

  private void assertFieldError(String body, String field) {
    var answer = anonymous().post("/api/users", body);
    assertProblem(answer, 400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }

  private static void assertProblem(ApiClient.Answer answer, int status) {
    assertThat(answer.status()).as("answer %s", answer).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(PROBLEM);
    assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return TestHttpClients.builder().build().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String registration(String username, String password, String email) {
    return ApiClient.json(Map.of("username", username, "password", password, "email", email));
  }

  private static String bigRegistration() {
    return ApiClient.json(
        Map.of("username", uniqueName(), "password", "long-enough", "email", "a@example.com", "padding",
            "x".repeat(70 * 1024)));
  }

  private static String uniqueName() {
    return "web_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
