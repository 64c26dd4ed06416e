package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open workload keeps its arrival rate: checked by counting what a stub server received. */
class OpenRateTest {

  private HttpServer server;
  private final AtomicLong received = new AtomicLong();

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      received.incrementAndGet();
      byte[] body = "{}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  @Test
  void achievesTheTargetRateWithinFifteenPercent() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/categories");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    BenchConfig config = BenchConfig.parse("--rate", "100", "--duration", "3s", "--warmup", "0s", "--seed", "1");
    LoadRun.Step step = (shopper, action) -> {
      try {
        int status = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Workload.Outcome(action, status);
      } catch (Exception e) {
        return new Workload.Outcome(action, Measurements.NO_ANSWER);
      }
    };

    Measurements m = new LoadRun(config, System.out).open(4, step);

    double achieved = received.get() / 3.0;
    assertThat(achieved).isBetween(85.0, 115.0);
    assertThat(m.total().getTotalCount()).isEqualTo(received.get());
    assertThat(m.errors()).isZero();
  }
}
