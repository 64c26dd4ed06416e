package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One short run against the real site: the packaged app jar started as a child process on an
 * embedded database. Asserts that the report and the audit are produced, never timings.
 */
class SmokeRunTest {

  private static final Path APP_JAR = Path.of("..", "bazaar-app", "target", "bazaar.jar");

  @TempDir
  static Path work;

  private static Process app;
  private static Path appLog;
  private static String base;
  private static String database;

  @BeforeAll
  static void startTheApp() throws Exception {
    if (!Files.isRegularFile(APP_JAR)) {
      fail(APP_JAR.toAbsolutePath().normalize() + " is missing: package the app first "
          + "(mvn -B -DskipTests -pl bazaar-app package, or run mvn verify from the root)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    appLog = Path.of("target", "smoke-app.log");
    Files.createDirectories(appLog.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // H2's auto-server mode lets the audit read the file database while the app holds it
    database = "jdbc:h2:file:" + work.resolve("data").resolve("bazaar").toAbsolutePath()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    app = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", APP_JAR.toString(),
        "--server.port=" + port, "--bazaar.data-dir=" + work.resolve("data"), "--bazaar.demo.items=100",
        "--spring.datasource.url=" + database))
        .redirectErrorStream(true)
        .redirectOutput(appLog.toFile())
        .start();
    awaitHealthy(Duration.ofMinutes(2));
  }

  private static void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        fail("the app exited with " + app.exitValue() + " before it was healthy; see " + appLog.toAbsolutePath());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      // poll again once the process had a moment; waitFor returns early if it dies
      app.waitFor(250, TimeUnit.MILLISECONDS);
    }
    fail("the app was not healthy within " + timeout + "; see " + appLog.toAbsolutePath());
  }

  @AfterAll
  static void stopTheApp() throws InterruptedException {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aShortOpenRunWritesTheResultAndTheReportAndTheAuditPasses() throws Exception {
    Path out = work.resolve("run");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int exit = LoadTool.run(new String[] {"--target", base, "--mode", "open", "--rate", "20", "--users", "4",
        "--duration", "5s", "--warmup", "1s", "--seed", "3", "--out", out.toString(),
        "--audit-db", database + ";USER=sa;PASSWORD="},
        new PrintStream(console, true, StandardCharsets.UTF_8), System.err);

    String printed = console.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertThat(exit).as(printed).isEqualTo(LoadTool.OK);
    assertThat(printed).contains("audit PASSED", "database audit PASSED", "t=1s rps=");
    assertThat(out.resolve("report.html")).isRegularFile().content(StandardCharsets.UTF_8).contains("<svg", "Audit");
    JsonNode result = JsonMapper.builder().build().readTree(Files.readString(out.resolve("result.json")));
    assertThat(result.get("audit").get("passed").asBoolean()).isTrue();
    assertThat(result.get("dbAudit").get("passed").asBoolean()).isTrue();
    assertThat(result.get("dbAudit").get("ordersStoredOnce").asInt())
        .isEqualTo(result.get("dbAudit").get("ordersCreated").asInt()).isPositive();
    assertThat(result.get("total").get("count").asLong()).isPositive();
    assertThat(result.get("machine").get("nproc").asInt()).isPositive();
    assertThat(result.get("actions").has("browse")).isTrue();
  }
}
