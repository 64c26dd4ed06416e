package com.bazaar.bench;

import com.bazaar.bench.host.Host;
import com.bazaar.bench.host.Throttling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU each host spent in a run's measured window, from the cgroups' own accounting, and the
 * load tool's (which runs outside every host). The hosts run without their quota until the window
 * opens, so the JIT has compiled the hot paths before a small host has to live with its share;
 * the quota applies from the first measured request, and is lifted again when the window closes
 * so audits and shutdown are not slowed.
 */
final class HostAccounting implements LoadRun.Window {

  /** Linux reports process times in USER_HZ ticks, 100 per second on every architecture Java runs on here. */
  static final long TICK_NANOS = 10_000_000L;

  /** One host's counters at one moment; {@code processTicks} per pid from /proc/<pid>/stat. */
  record Reading(long cpuNanos, Throttling throttling, Map<Long, Long> processTicks) {}

  private final String variant;
  private final List<Host> hosts;
  private final long periodMicros;
  private final Map<String, Reading> start = new LinkedHashMap<>();
  private final Map<String, Reading> end = new LinkedHashMap<>();
  private long toolStart;
  private long toolEnd;
  private long wallStart;
  private long wallEnd;
  private long readingNanos;
  private volatile boolean open;
  private volatile IOException failed;

  /** The hosts of one deployment, named {@code <variant>-<role>}. */
  HostAccounting(String variant, List<Host> hosts, long periodMicros) {
    this.variant = variant;
    this.hosts = List.copyOf(hosts);
    this.periodMicros = periodMicros;
  }

  @Override
  public void opened() {
    try {
      openWindow();
    } catch (IOException e) {
      failed = e; // on the load's scheduler thread: said when the window closes
    }
  }

  private void openWindow() throws IOException {
    for (Host h : hosts) {
      h.resize(h.size()); // the warm-up ran without quota
    }
    long t0 = System.nanoTime();
    read(start);
    toolStart = toolCpuNanos();
    wallStart = System.nanoTime();
    readingNanos = wallStart - t0;
    open = true;
  }

  @Override
  public void closed() {
    if (failed != null) {
      throw new UncheckedIOException("cannot read or limit the hosts when the measured window opened", failed);
    }
    try {
      if (!open) {
        openWindow(); // a window too short to open: an empty reading, not a wrong one
      }
      long t0 = System.nanoTime();
      wallEnd = t0;
      toolEnd = toolCpuNanos();
      read(end);
      readingNanos = Math.max(readingNanos, System.nanoTime() - t0);
      for (Host h : hosts) {
        h.unlimit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(Map<String, Reading> into) throws IOException {
    for (Host h : hosts) {
      Map<Long, Long> ticks = new LinkedHashMap<>();
      for (long pid : h.pids()) {
        processTicks(pid).ifPresent(t -> ticks.put(pid, t));
      }
      into.put(h.name(), new Reading(h.cpuNanos(), h.throttling(), ticks));
    }
  }

  /** utime + stime of a process (all its threads, also those that ended), in ticks. */
  static java.util.Optional<Long> processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return java.util.Optional.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
    } catch (IOException | RuntimeException gone) {
      return java.util.Optional.empty();
    }
  }

  private static long toolCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  @Override
  public Map<String, Object> report(Measurements m) {
    return report(m.total().getTotalCount());
  }

  /** The window's figures, per request of the given count (a storm's purchases, or a run's requests). */
  Map<String, Object> report(long requests) {
    double windowMs = (wallEnd - wallStart) / 1e6;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("windowMs", round(windowMs));
    r.put("requests", requests);
    r.put("periodMicros", periodMicros);
    r.put("warmup", "without quota; the quota applied when the measured window opened");
    List<Map<String, Object>> list = new ArrayList<>();
    for (Host h : hosts) {
      Reading a = start.get(h.name());
      Reading b = end.get(h.name());
      double cpuMs = (b.cpuNanos() - a.cpuNanos()) / 1e6;
      Throttling t = b.throttling().since(a.throttling());
      long ticks = 0;
      for (Map.Entry<Long, Long> e : b.processTicks().entrySet()) {
        Long before = a.processTicks().get(e.getKey());
        ticks += e.getValue() - (before == null ? 0 : before);
      }
      double cpus = h.size().grantedCpus(periodMicros);
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", h.name());
      one.put("role", h.name().startsWith(variant + "-") ? h.name().substring(variant.length() + 1) : h.name());
      one.put("size", h.size().toString());
      one.put("cpus", cpus);
      one.put("cpuMs", round(cpuMs));
      one.put("cpuMsPerRequest", requests == 0 ? 0.0 : round(cpuMs / requests));
      one.put("utilisation", windowMs <= 0 ? 0.0 : round(cpuMs / (cpus * windowMs)));
      one.put("periods", t.periods());
      one.put("throttledPeriods", t.throttledPeriods());
      one.put("throttledMs", round(t.throttledNanos() / 1e6));
      one.put("processes", b.processTicks().size());
      one.put("processCpuMs", round(ticks * TICK_NANOS / 1e6));
      // the two accountings differ by at most a tick per process per reading, plus what the host
      // could run (its quota) while the readings were taken one after another
      one.put("toleranceMs", round((2.0 * TICK_NANOS * Math.max(1, b.processTicks().size()) + 2 * cpus * readingNanos) / 1e6));
      list.add(one);
    }
    r.put("hosts", list);
    double toolMs = (toolEnd - toolStart) / 1e6;
    r.put("loadTool", Map.of("cpuMs", round(toolMs), "cpuMsPerRequest", requests == 0 ? 0.0 : round(toolMs / requests),
        "cores", windowMs <= 0 ? 0.0 : round(toolMs / windowMs)));
    return r;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
