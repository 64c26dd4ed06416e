package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hop-cost command against two stand-in sites in this JVM (each answers the item list and the
 * item): both sides measured, CPU charged to the named processes, figures written. No timings asserted.
 */
class HopCostTest {
  private static final long SELF = ProcessHandle.current().pid();

  @TempDir
  Path work;

  private final Site monolith = new Site("111");
  private final Site services = new Site("222");

  @AfterEach
  void stopSites() {
    monolith.server.stop(0);
    services.server.stop(0);
  }

  @Test
  void bothSidesAreReadAndMeasuredAndTheFiguresWritten() throws Exception {
    Path out = work.resolve("hop.json");
    Run run = run("--monolith", monolith.url(), "--monolith-pids", "app=" + SELF,
        "--services", services.url(), "--services-pids", "web=" + SELF + ",catalog=" + SELF,
        "--concurrency", "2", "--warmup", "0s", "--duration", "1s", "--rounds", "2", "--out", out.toString());

    assertThat(run.exit).as(run.printed).isEqualTo(LoadTool.OK);
    assertThat(monolith.itemReads.get()).isPositive();
    assertThat(services.itemReads.get()).isPositive();
    assertThat(run.printed).contains("the hop: throughput ×");
    JsonNode figures = JsonMapper.builder().build().readTree(Files.readString(out));
    assertThat(figures.get("monolith").get("requests").asLong()).isPositive();
    assertThat(figures.get("monolith").get("errors").asLong()).isZero();
    assertThat(figures.get("monolith").get("cpuMsPerRequest").has("app")).isTrue();
    assertThat(figures.get("services").get("cpuMsPerRequest").has("web")).isTrue();
    assertThat(figures.get("services").get("cpuMsPerRequest").has("catalog")).isTrue();
  }

  @Test
  void readsThatFailAreCountedAndTheRunSaysSo() {
    services.failItemReadsAfter(1);
    Run run = run("--monolith", monolith.url(), "--monolith-pids", String.valueOf(SELF),
        "--services", services.url(), "--services-pids", String.valueOf(SELF),
        "--warmup", "0s", "--duration", "1s", "--rounds", "1");

    assertThat(run.exit).as(run.printed).isEqualTo(LoadTool.AUDIT_FAILED);
  }

  @Test
  void aSideWithoutItsProcessesIsBadArguments() {
    Run run = run("--monolith", monolith.url(), "--monolith-pids", String.valueOf(SELF), "--services", services.url());
    assertThat(run.exit).isEqualTo(LoadTool.BAD_ARGUMENTS);
    assertThat(run.errors).contains("--services-pids are required");

    Run badPid = run("--monolith", monolith.url(), "--monolith-pids", "app=x",
        "--services", services.url(), "--services-pids", String.valueOf(SELF));
    assertThat(badPid.exit).isEqualTo(LoadTool.BAD_ARGUMENTS);
    assertThat(badPid.errors).contains("'app=x' is not PID or NAME=PID");
  }

  @Test
  void aProcessThatIsGoneFailsTheRunInsteadOfChargingNothing() {
    Run run = run("--monolith", monolith.url(), "--monolith-pids", "app=" + SELF,
        "--services", services.url(), "--services-pids", "web=999999999",
        "--warmup", "0s", "--duration", "1s", "--rounds", "1");
    assertThat(run.exit).isEqualTo(LoadTool.RUN_FAILED);
    assertThat(run.errors).contains("web (pid 999999999) is gone");
  }

  @Test
  void helpGoesThroughTheLoadTool() {
    Run run = run("--help");
    assertThat(run.exit).isEqualTo(LoadTool.OK);
    assertThat(run.printed).contains("--services-pids");
  }

  private record Run(int exit, String printed, String errors) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "hop-cost";
    System.arraycopy(args, 0, command, 1, args.length);
    int exit = LoadTool.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A stand-in for a Bazaar's item API with one item. */
  private static final class Site {
    final HttpServer server;
    final AtomicInteger itemReads = new AtomicInteger();
    private volatile int failAfter = Integer.MAX_VALUE;

    Site(String itemId) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/api/items", exchange -> {
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        String body = "{\"content\":[{\"id\":\"" + itemId + "\"}]}";
        if (path.equals("/api/items/" + itemId)) {
          body = "{\"id\":\"" + itemId + "\",\"title\":\"a kettle\"}";
          status = itemReads.incrementAndGet() > failAfter ? 503 : 200;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.start();
    }

    void failItemReadsAfter(int reads) {
      failAfter = reads;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }
}
