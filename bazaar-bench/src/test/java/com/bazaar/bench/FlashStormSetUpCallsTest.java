package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storm's set-up calls (the admin opening the next sale, registrations, logins) meet a node
 * whose database the storm saturates: a busy answer is waited out, anything else unexpected
 * stops the run naming the call, never a NullPointerException on a missing field.
 */
class FlashStormSetUpCallsTest {
  private HttpServer server;
  private final Deque<int[]> answers = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private FlashStorm storm;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    storm = new FlashStorm("http://127.0.0.1:" + server.getAddress().getPort(), "admin", "pw",
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Each answer is {status, retry-after seconds or -1 for none}. */
  private void answer(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    int[] next = answers.isEmpty() ? new int[] {500, -1} : answers.poll();
    if (next[1] >= 0) {
      exchange.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
    }
    byte[] body = (next[0] == 201 ? "{\"id\":\"42\"}" : "{\"title\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(next[0], body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void aBusyAnswerIsWaitedOutAndTheCallRepeated() throws Exception {
    answers.add(new int[] {503, 0});
    answers.add(new int[] {429, 0});
    answers.add(new int[] {201, -1});

    FlashStorm.Answer answer = storm.served("POST", "/api/admin/items", "s", java.util.Map.of("title", "t"), 201);

    assertThat(answer.body().get("id").asString()).isEqualTo("42");
    assertThat(calls).hasValue(3);
  }

  @Test
  void anUnexpectedAnswerStopsTheRunNamingTheCall() {
    answers.add(new int[] {400, -1});

    assertThatThrownBy(() -> storm.served("POST", "/api/admin/flash-sales", "s", java.util.Map.of(), 201))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("POST /api/admin/flash-sales answered 400 (expected [201])");
    assertThat(calls).hasValue(1);
  }

  @Test
  void anyOfTheExpectedAnswersIsTaken() throws Exception {
    answers.add(new int[] {503, 0});
    answers.add(new int[] {409, -1});

    assertThat(storm.served("POST", "/api/users", null, java.util.Map.of(), 201, 409).status()).isEqualTo(409);
  }

  @Test
  void theWaitFollowsRetryAfterWithinBounds() {
    assertThat(new FlashStorm.Answer(503, null, null, "3").retryAfter()).hasSeconds(3);
    assertThat(new FlashStorm.Answer(503, null, null, "600").retryAfter()).hasSeconds(5);
    assertThat(new FlashStorm.Answer(503, null, null, "0").retryAfter()).hasMillis(100);
    assertThat(new FlashStorm.Answer(503, null, null, "").retryAfter()).hasSeconds(1);
  }
}
