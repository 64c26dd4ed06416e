package com.bazaar.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The load tool's command line: set up shoppers, drive the mix, write result.json and report.html, audit. */
public final class LoadTool {

  public static final int OK = 0;
  public static final int AUDIT_FAILED = 1;
  public static final int BAD_ARGUMENTS = 2;
  public static final int RUN_FAILED = 3;

  private LoadTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool and answers its exit code, without exiting (so tests can call it in-process). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && "evolution".equals(args[0])) {
      return Evolution.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && "hop-cost".equals(args[0])) {
      return HopCost.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && "flash-storm".equals(args[0])) {
      return FlashStorm.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    for (String a : args) {
      if ("--help".equals(a) || "-h".equals(a)) {
        out.print(BenchConfig.USAGE);
        return OK;
      }
    }
    BenchConfig config;
    try {
      config = BenchConfig.parse(args);
    } catch (BenchConfig.BadArguments e) {
      err.println("bazaar-bench: " + e.getMessage());
      err.println("try --help");
      return BAD_ARGUMENTS;
    }
    try {
      return run(config, out);
    } catch (IOException e) {
      err.println("bazaar-bench: run failed: " + e.getMessage());
      return RUN_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bazaar-bench: interrupted");
      return RUN_FAILED;
    }
  }

  static int run(BenchConfig config, PrintStream out) throws IOException, InterruptedException {
    return Results.auditPassed(measure(config, out)) ? OK : AUDIT_FAILED;
  }

  /** One run: sets up shoppers, drives the mix, audits, writes result.json and report.html; answers the result. */
  static Map<String, Object> measure(BenchConfig config, PrintStream out) throws IOException, InterruptedException {
    return measure(config, out, LoadRun.Window.NONE);
  }

  /** The same, telling the window when the measured time opens and closes; its report goes in as {@code hosts}. */
  static Map<String, Object> measure(BenchConfig config, PrintStream out, LoadRun.Window window)
      throws IOException, InterruptedException {
    Instant startedAt = Instant.now();
    OrderLedger ledger = new OrderLedger();
    Workload workload = new Workload(config.target(), ledger);
    String runId = Long.toString(startedAt.toEpochMilli() % 1_000_000_000L, 36);
    out.printf(Locale.ROOT, "bazaar-bench: %s %s, mix %s, %d shoppers, warmup %ds, duration %ds%n",
        config.target(), config.mode() == BenchConfig.Mode.OPEN ? "open at " + config.rate() + " req/s" : "closed",
        config.mix(), config.users(), config.warmup().toSeconds(), config.duration().toSeconds());
    int restocked = workload.setUp(config.users(), runId, config.restock());
    if (restocked > 0) {
      out.printf(Locale.ROOT, "restocked %d items to %d units%n", restocked, config.restock().floor());
    }
    Measurements m = new LoadRun(config, out, window).run(workload);
    Map<String, Object> hosts = window.report(m);
    Audit.Result audit = Audit.run(ledger, workload);
    DbAudit.Result dbAudit = config.auditDbs().isEmpty() ? null : DbAudit.run(ledger, config.auditDbs());
    Map<String, Object> result = new java.util.LinkedHashMap<>(Results.of(config, startedAt, m, audit, dbAudit));
    if (!hosts.isEmpty()) {
      result.put("hosts", hosts);
    }
    Files.createDirectories(config.out());
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    Files.writeString(config.out().resolve("result.json"), json.writeValueAsString(result), StandardCharsets.UTF_8);
    Files.writeString(config.out().resolve("report.html"), HtmlReport.render(result), StandardCharsets.UTF_8);
    @SuppressWarnings("unchecked")
    Map<String, Object> total = (Map<String, Object>) result.get("total");
    out.printf(Locale.ROOT, "done: %s requests, %s req/s, errors %s, p50 %sms p90 %sms p99 %sms p99.9 %sms max %sms%n",
        total.get("count"), total.get("throughput"), total.get("errorsByStatus"), total.get("p50Ms"), total.get("p90Ms"),
        total.get("p99Ms"), total.get("p999Ms"), total.get("maxMs"));
    out.print(audit.describe());
    if (dbAudit != null) {
      out.print(dbAudit.describe());
    }
    out.println("wrote " + config.out().resolve("result.json") + " and " + config.out().resolve("report.html"));
    return result;
  }
}
