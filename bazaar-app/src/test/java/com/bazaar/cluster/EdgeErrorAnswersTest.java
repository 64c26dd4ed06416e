package com.bazaar.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.FreePorts;
import com.bazaar.support.RealEngines;
import com.bazaar.support.cluster.Nginx;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * nginx in front of the nodes (deploy/nginx/bazaar.conf.template) answers what it refuses or
 * cannot pass on as the app answers errors: problem+json (API.md), never its own HTML page. A
 * node's own answer passes unchanged. The node here is a stand-in that answers as a shedding node
 * does; the requests are written on a socket, byte for byte, so nginx sees exactly the input.
 */
@RealEngines
class EdgeErrorAnswersTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String OVER_8_KB = "a".repeat(9 * 1024);

  private HttpServer node;
  private Nginx nginx;

  @BeforeEach
  void startNginxOverANode() throws IOException {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.pick()), 16);
    node.createContext("/", exchange -> {
      byte[] body = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"the shop is busy\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
      exchange.getResponseHeaders().set("Retry-After", "7");
      exchange.sendResponseHeaders(503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    node.start();
    Path prefix = Paths.get("target", "edge", UUID.randomUUID().toString()).toAbsolutePath();
    nginx = Nginx.overPorts(prefix, FreePorts.pick(), FreePorts.pick(), List.of(node.getAddress().getPort()));
  }

  @AfterEach
  void stopBoth() {
    if (nginx != null) {
      nginx.stop();
    }
    node.stop(0);
  }

  @Test
  void aRequestLineOver8KilobytesIsA414Problem() throws IOException {
    Answer answer = send("GET /api/search?q=" + OVER_8_KB + " HTTP/1.1\r\nHost: shop\r\n\r\n");

    assertProblem(answer, 414, "URI Too Long");
  }

  @Test
  void aHeaderOver8KilobytesIsA400Problem() throws IOException {
    Answer answer = send("GET /api/items HTTP/1.1\r\nHost: shop\r\nCookie: x=" + OVER_8_KB + "\r\n\r\n");

    assertProblem(answer, 400, "Bad Request");
    assertThat(answer.problem().get("detail").asString()).contains("header or cookie is too large");
  }

  @Test
  void aMalformedRequestLineIsA400Problem() throws IOException {
    Answer answer = send("NOT HTTP AT ALL\r\n\r\n");

    assertProblem(answer, 400, "Bad Request");
  }

  /** Told by Content-Length before any byte of the body: nginx answers at once. */
  @Test
  void aBodyOverTheEdgesLimitIsA413Problem() throws IOException {
    Answer answer = send("POST /api/orders HTTP/1.1\r\nHost: shop\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2000000\r\n\r\n");

    assertProblem(answer, 413, "Content Too Large");
  }

  @Test
  void aNodesOwnAnswerPassesButNoNodeAnsweringIsA502ProblemWithRetryAfter() throws IOException {
    Answer shed = send("GET /api/orders HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n");
    assertThat(shed.status()).isEqualTo(503);
    assertThat(shed.header("Retry-After")).isEqualTo("7");
    assertThat(shed.problem().get("detail").asString()).isEqualTo("the shop is busy");

    node.stop(0);
    Answer down = send("GET /api/orders HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n");

    assertProblem(down, 502, "Bad Gateway");
    assertThat(down.header("Retry-After")).isEqualTo("1");
  }

  private static void assertProblem(Answer answer, int status, String title) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = answer.problem();
    assertThat(problem.get("type").asString()).isEqualTo("about:blank");
    assertThat(problem.get("title").asString()).isEqualTo(title);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  /**
   * One request on a new connection; the answer is read up to its Content-Length, not to the
   * connection's end (after a 413 nginx keeps reading what the client may still send for a while).
   */
  private Answer send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", nginx.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          throw new IOException("connection closed within the answer's head: " + head);
        }
        head.write(next);
      }
      Answer answer = Answer.of(head.toString(StandardCharsets.ISO_8859_1).strip());
      int length = Integer.parseInt(answer.header("Content-Length"));
      return answer.withBody(new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(String head) {
      String[] lines = head.split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, "");
    }

    Answer withBody(String body) {
      return new Answer(status, headers, body);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode problem() {
      return JSON.readTree(body);
    }
  }
}
