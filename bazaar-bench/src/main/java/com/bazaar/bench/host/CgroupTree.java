package com.bazaar.bench.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where this machine's cgroup controllers are mounted and how a group's limits and counters are
 * spelled there. cgroup v1 mounts each controller (or a few together) in a hierarchy of its own
 * ({@code cpu}, {@code cpuacct}, {@code memory}), so one host is a directory in each; cgroup v2
 * has one hierarchy with {@code cpu.max}, {@code memory.max} and {@code cpu.stat}.
 */
abstract sealed class CgroupTree {

  final CgroupFs fs;

  CgroupTree(CgroupFs fs) {
    this.fs = fs;
  }

  abstract String version();

  /** The directories a group (a path relative to every hierarchy, e.g. {@code bazaar-1/db}) spans. */
  abstract List<Path> dirs(String group);

  /** The mount points the run groups sit directly under. */
  abstract List<Path> roots();

  /** Makes the cpu and memory controllers available to a run group's hosts (cgroup v2 only). */
  void enableControllers(String runGroup) throws IOException {}

  abstract void limit(String group, HostSize size, long periodMicros) throws IOException;

  /** Lifts the CPU quota (the memory limit stays), e.g. while the JIT warms up. */
  abstract void unlimitCpu(String group, long periodMicros) throws IOException;

  abstract long cpuUsageNanos(String group) throws IOException;

  abstract Throttling throttling(String group) throws IOException;

  /** The files a process writes its pid to in order to join the group, one per hierarchy. */
  List<Path> procsFiles(String group) {
    return dirs(group).stream().map(d -> d.resolve("cgroup.procs")).toList();
  }

  /** The processes in a group (in any of its hierarchies). */
  Set<Long> pids(String group) throws IOException {
    Set<Long> pids = new LinkedHashSet<>();
    for (Path procs : procsFiles(group)) {
      if (fs.exists(procs)) {
        fs.read(procs).lines().map(String::trim).filter(l -> !l.isEmpty()).map(Long::parseLong).forEach(pids::add);
      }
    }
    return pids;
  }

  /**
   * Finds the controllers in {@code /proc/self/mounts}: cgroup v1 when {@code cpu}, {@code cpuacct}
   * and {@code memory} are each mounted, else cgroup v2 when its hierarchy offers {@code cpu} and
   * {@code memory}; empty with nothing usable (then the run says so and runs without hosts).
   */
  static Optional<CgroupTree> detect(String procMounts, CgroupFs fs) {
    Map<String, Path> v1 = new java.util.HashMap<>();
    Path v2 = null;
    for (String line : procMounts.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4) {
        continue;
      }
      if ("cgroup".equals(f[2])) {
        for (String option : f[3].split(",")) {
          if (List.of("cpu", "cpuacct", "memory").contains(option)) {
            v1.put(option, Path.of(f[1]));
          }
        }
      } else if ("cgroup2".equals(f[2])) {
        v2 = Path.of(f[1]);
      }
    }
    if (v1.keySet().containsAll(List.of("cpu", "cpuacct", "memory"))) {
      return Optional.of(new V1(fs, v1.get("cpu"), v1.get("cpuacct"), v1.get("memory")));
    }
    if (v2 != null) {
      try {
        List<String> controllers = List.of(fs.read(v2.resolve("cgroup.controllers")).trim().split("\\s+"));
        if (controllers.containsAll(List.of("cpu", "memory"))) {
          return Optional.of(new V2(fs, v2));
        }
      } catch (IOException unreadable) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static long field(String stat, String name) {
    for (String line : stat.split("\n")) {
      String[] kv = line.trim().split("\\s+");
      if (kv.length == 2 && kv[0].equals(name)) {
        return Long.parseLong(kv[1]);
      }
    }
    return 0;
  }

  /** cgroup v1: {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}, {@code cpuacct.usage}, {@code memory.limit_in_bytes}. */
  static final class V1 extends CgroupTree {
    private final Path cpu;
    private final Path cpuacct;
    private final Path memory;

    V1(CgroupFs fs, Path cpu, Path cpuacct, Path memory) {
      super(fs);
      this.cpu = cpu;
      this.cpuacct = cpuacct;
      this.memory = memory;
    }

    @Override
    String version() {
      return "cgroup v1";
    }

    @Override
    List<Path> dirs(String group) {
      // co-mounted controllers (cpu,cpuacct) share one directory: join it once
      return List.copyOf(new LinkedHashSet<>(List.of(cpu.resolve(group), cpuacct.resolve(group), memory.resolve(group))));
    }

    @Override
    List<Path> roots() {
      return List.copyOf(new LinkedHashSet<>(List.of(cpu, cpuacct, memory)));
    }

    @Override
    void limit(String group, HostSize size, long periodMicros) throws IOException {
      fs.write(cpu.resolve(group).resolve("cpu.cfs_period_us"), Long.toString(periodMicros));
      fs.write(cpu.resolve(group).resolve("cpu.cfs_quota_us"), Long.toString(size.quotaMicros(periodMicros)));
      fs.write(memory.resolve(group).resolve("memory.limit_in_bytes"), Long.toString(size.memoryBytes()));
    }

    @Override
    void unlimitCpu(String group, long periodMicros) throws IOException {
      fs.write(cpu.resolve(group).resolve("cpu.cfs_quota_us"), "-1");
      fs.write(cpu.resolve(group).resolve("cpu.cfs_period_us"), Long.toString(periodMicros));
    }

    @Override
    long cpuUsageNanos(String group) throws IOException {
      return Long.parseLong(fs.read(cpuacct.resolve(group).resolve("cpuacct.usage")).trim());
    }

    @Override
    Throttling throttling(String group) throws IOException {
      String stat = fs.read(cpu.resolve(group).resolve("cpu.stat"));
      return new Throttling(field(stat, "nr_periods"), field(stat, "nr_throttled"), field(stat, "throttled_time"));
    }
  }

  /** cgroup v2: {@code cpu.max} ("quota period"), {@code memory.max}, {@code cpu.stat} usage_usec. */
  static final class V2 extends CgroupTree {
    private final Path mount;

    V2(CgroupFs fs, Path mount) {
      super(fs);
      this.mount = mount;
    }

    @Override
    String version() {
      return "cgroup v2";
    }

    @Override
    List<Path> dirs(String group) {
      return List.of(mount.resolve(group));
    }

    @Override
    List<Path> roots() {
      return List.of(mount);
    }

    @Override
    void enableControllers(String runGroup) throws IOException {
      // a child gets cpu.max and memory.max only when its parent delegates the controllers
      List<Path> parents = new ArrayList<>(List.of(mount, mount.resolve(runGroup)));
      for (Path parent : parents) {
        fs.write(parent.resolve("cgroup.subtree_control"), "+cpu +memory");
      }
    }

    @Override
    void limit(String group, HostSize size, long periodMicros) throws IOException {
      fs.write(mount.resolve(group).resolve("cpu.max"), size.quotaMicros(periodMicros) + " " + periodMicros);
      fs.write(mount.resolve(group).resolve("memory.max"), Long.toString(size.memoryBytes()));
    }

    @Override
    void unlimitCpu(String group, long periodMicros) throws IOException {
      fs.write(mount.resolve(group).resolve("cpu.max"), "max " + periodMicros);
    }

    @Override
    long cpuUsageNanos(String group) throws IOException {
      return field(fs.read(mount.resolve(group).resolve("cpu.stat")), "usage_usec") * 1000;
    }

    @Override
    Throttling throttling(String group) throws IOException {
      String stat = fs.read(mount.resolve(group).resolve("cpu.stat"));
      return new Throttling(field(stat, "nr_periods"), field(stat, "nr_throttled"), field(stat, "throttled_usec") * 1000);
    }
  }
}
