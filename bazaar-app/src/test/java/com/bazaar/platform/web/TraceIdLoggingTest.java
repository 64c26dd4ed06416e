package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Stage 15: a request's trace id (and a client's request id) is on every log line written while serving it. */
@ExtendWith(OutputCaptureExtension.class)
class TraceIdLoggingTest extends ApiTest {

  @Test
  void theLogLineOfARequestCarriesItsTraceId(CapturedOutput output) {
    String traceId = "trace-test-12345678";
    var answer =
        anonymous()
            .send(
                "POST",
                "/api/session",
                ApiClient.json(Map.of("username", "nobody_traced", "password", "wrong-password")),
                Map.of("X-Request-Id", traceId));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("X-Request-Id")).isEqualTo(traceId);
    assertThat(output.getOut().lines())
        .anySatisfy(
            line -> assertThat(line).contains(traceId).contains("login failed for nobody_traced"));
  }

  @Test
  void anIncomingW3cTraceparentIsContinuedAndNamesTheRequest(CapturedOutput output) {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    var answer =
        anonymous()
            .send(
                "POST",
                "/api/session",
                ApiClient.json(Map.of("username", "nobody_w3c", "password", "wrong-password")),
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("X-Request-Id")).isEqualTo(traceId);
    assertThat(answer.json().get("traceId").asString()).isEqualTo(traceId);
    assertThat(output.getOut().lines())
        .anySatisfy(line -> assertThat(line).contains("[" + traceId + ",").contains("login failed for nobody_w3c"));
  }

  @Test
  void withoutAnyIncomingIdTheTraceIdIsTheRequestId(CapturedOutput output) {
    var answer = anonymous().post("/api/session",
        ApiClient.json(Map.of("username", "nobody_fresh", "password", "wrong-password")));

    String requestId = answer.header("X-Request-Id");
    assertThat(requestId).matches("[0-9a-f]{32}");
    assertThat(answer.json().get("traceId").asString()).isEqualTo(requestId);
    assertThat(output.getOut().lines())
        .anySatisfy(line -> assertThat(line).contains("[" + requestId + ",").contains("login failed for nobody_fresh"));
  }

  @Test
  void theTraceIdFollowsAnEventToItsAsyncListener(CapturedOutput output) {
    String traceId = "trace-event-87654321";
    ApiClient admin = admin();
    String categoryId = admin.get("/api/categories").json().get(0).get("id").asString();
    var created =
        admin.send(
            "POST",
            "/api/admin/items",
            ApiClient.json(Map.of("title", "Traced teapot", "description", "",
                "price", Map.of("amount", 500, "currency", "CNY"), "stock", 1, "categoryId", categoryId)),
            Map.of("X-Request-Id", traceId));
    assertThat(created.status()).isEqualTo(201);
    String itemId = created.json().get("id").asString();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(output.getOut().lines())
            .anySatisfy(line -> assertThat(line).contains(traceId).contains("re-indexed item " + itemId)));
  }

  @Test
  void aLineBreakInAUsernameCannotForgeALogLine(CapturedOutput output) {
    anonymous()
        .post(
            "/api/session",
            ApiClient.json(Map.of("username", "x\nFORGED admin logged in", "password", "wrong-password")));

    assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED"));
    assertThat(output.getOut()).contains("login failed for x?FORGED");
  }
}
