package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  private static AppNode app;
  private static String database;

  @BeforeAll
  static void startTheApp() throws Exception {
    // H2's auto-server mode lets the audit read the file database while the app holds it
    database = "jdbc:h2:file:" + work.resolve("data").resolve("bazaar").toAbsolutePath()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    app = AppNode.start(APP_JAR, List.of("--bazaar.data-dir=" + work.resolve("data"), "--bazaar.demo.items=100",
        "--spring.datasource.url=" + database), Path.of("target", "smoke-app.log"), Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopTheApp() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aShortOpenRunWritesTheResultAndTheReportAndTheAuditPasses() throws Exception {
    Path out = work.resolve("run");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int exit = LoadTool.run(new String[] {"--target", app.base().toString(), "--mode", "open", "--rate", "20", "--users", "4",
        "--duration", "5s", "--warmup", "1s", "--seed", "3", "--out", out.toString(),
        "--audit-db", database + ";USER=sa;PASSWORD="},
        new PrintStream(console, true, StandardCharsets.UTF_8), System.err);

    String printed = console.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertThat(exit).as(printed).isEqualTo(LoadTool.OK);
    // the demo seed stocks each item with 0 to 500 units: the admin tops all 100 up before the run
    assertThat(printed).contains("restocked 100 items to 1000 units", "audit PASSED", "database audit PASSED", "t=1s rps=");
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
