package com.bazaar.bench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host layer against a fake cgroup root in a temporary directory, for both cgroup versions. */
class HostLayerTest {

  private static final HostSize QUARTER = new HostSize(0.25, 1L << 30);

  private final FakeCgroupFs fs = new FakeCgroupFs();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final List<Long> reaped = new ArrayList<>();

  @TempDir
  Path root;

  private CgroupTree v1() {
    return new CgroupTree.V1(fs, root.resolve("cpu"), root.resolve("cpuacct"), root.resolve("memory"));
  }

  private HostLayer open(CgroupTree tree, long owner) throws Exception {
    return HostLayer.open(tree, owner, 20_000, pid -> pid == owner, pid -> {
      reaped.add(pid);
      fs.exit(root, pid);
    }, out);
  }

  @Test
  void aV1HostIsAGroupInEachHierarchyWithItsQuotaPeriodAndMemoryLimit() throws Exception {
    try (HostLayer layer = open(v1(), 4711)) {
      Host db = layer.add("db", QUARTER);
      assertThat(db.group()).isEqualTo("bazaar-4711/db");
      assertThat(root.resolve("cpu/bazaar-4711/db/cpu.cfs_period_us")).content().isEqualTo("20000");
      assertThat(root.resolve("cpu/bazaar-4711/db/cpu.cfs_quota_us")).content().isEqualTo("5000");
      assertThat(root.resolve("memory/bazaar-4711/db/memory.limit_in_bytes")).content().isEqualTo(Long.toString(1L << 30));
      assertThat(root.resolve("cpuacct/bazaar-4711/db")).isDirectory();

      db.unlimit();
      assertThat(root.resolve("cpu/bazaar-4711/db/cpu.cfs_quota_us")).content().isEqualTo("-1");
      db.resize(new HostSize(0.5, 1L << 30));
      assertThat(root.resolve("cpu/bazaar-4711/db/cpu.cfs_quota_us")).content().isEqualTo("10000");
      assertThat(db.size().cpus()).isEqualTo(0.5);
    }
    assertThat(root.resolve("cpu/bazaar-4711")).doesNotExist();
    assertThat(root.resolve("memory/bazaar-4711")).doesNotExist();
  }

  @Test
  void aV2HostGetsCpuMaxAndMemoryMaxOnceItsParentsDelegateTheControllers() throws Exception {
    Path unified = root.resolve("unified");
    Files.createDirectories(unified);
    try (HostLayer layer = open(new CgroupTree.V2(fs, unified), 4711)) {
      layer.add("app-1", QUARTER);
      assertThat(fs.writes).startsWith(unified.resolve("cgroup.subtree_control") + "=+cpu +memory",
          unified.resolve("bazaar-4711/cgroup.subtree_control") + "=+cpu +memory");
      assertThat(unified.resolve("bazaar-4711/app-1/cpu.max")).content().isEqualTo("5000 20000");
      assertThat(unified.resolve("bazaar-4711/app-1/memory.max")).content().isEqualTo(Long.toString(1L << 30));
      assertThat(layer.version()).isEqualTo("cgroup v2");
    }
    assertThat(unified.resolve("bazaar-4711")).doesNotExist();
  }

  @Test
  void aProcessStartedThroughTheWrapperJoinsEveryHierarchyBeforeTheCommandRuns() throws Exception {
    try (HostLayer layer = open(v1(), 4711)) {
      Host app = layer.add("app", QUARTER);
      Process p = new ProcessBuilder(app.wrap(List.of("/bin/sh", "-c", "cat '" + root.resolve("memory/bazaar-4711/app/cgroup.procs")
          + "'; echo pid=$$"))).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      String pid = Long.toString(p.pid());
      assertThat(said).isEqualTo(pid + "\npid=" + pid + "\n"); // the group held the pid before the command's first line
      for (String h : List.of("cpu", "cpuacct", "memory")) {
        assertThat(root.resolve(h + "/bazaar-4711/app/cgroup.procs")).content().isEqualTo(pid + "\n");
      }
      fs.exit(root, p.pid());
    }
  }

  @Test
  void whenJoiningFailsTheCommandNeverRuns() throws Exception {
    try (HostLayer layer = open(v1(), 4711)) {
      Host app = layer.add("app", QUARTER);
      Files.delete(root.resolve("cpuacct/bazaar-4711/app/cgroup.procs"));
      Files.createDirectory(root.resolve("cpuacct/bazaar-4711/app/cgroup.procs")); // unwritable
      Process p = new ProcessBuilder(app.wrap(List.of("/bin/sh", "-c", "echo ran"))).redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(97);
      assertThat(said).contains("cannot join host app").doesNotContain("ran");
      Files.delete(root.resolve("cpuacct/bazaar-4711/app/cgroup.procs"));
      fs.exit(root, p.pid());
    }
  }

  @Test
  void closingEndsWhatStillRunsInAHostAndRemovesEveryGroup() throws Exception {
    HostLayer layer = open(v1(), 4711);
    Host db = layer.add("db", QUARTER);
    layer.add("app", QUARTER);
    db.join(31337);
    assertThat(db.pids()).containsExactly(31337L);
    layer.close();
    assertThat(reaped).containsExactly(31337L);
    for (String h : List.of("cpu", "cpuacct", "memory")) {
      assertThat(root.resolve(h).resolve("bazaar-4711")).doesNotExist();
    }
    assertThatThrownBy(() -> layer.add("late", QUARTER)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHostWhoseLimitsCannotBeWrittenIsStillRemovedWhenTheRunFails() throws Exception {
    HostLayer layer = open(v1(), 4711);
    Files.createDirectories(root.resolve("memory/bazaar-4711/db/memory.limit_in_bytes")); // the write fails
    assertThatThrownBy(() -> layer.add("db", QUARTER)).isInstanceOf(java.io.IOException.class);
    Files.delete(root.resolve("memory/bazaar-4711/db/memory.limit_in_bytes"));
    layer.close();
    assertThat(root.resolve("cpu/bazaar-4711")).doesNotExist();
    assertThat(root.resolve("memory/bazaar-4711")).doesNotExist();
  }

  @Test
  void aNewRunRemovesTheGroupsOfRunsThatDiedAndEndsTheirLeftoversButLeavesLiveRunsAlone() throws Exception {
    HostLayer dead = open(v1(), 1001);
    dead.add("db", QUARTER).join(555); // a database server the dead run left behind
    HostLayer live = open(v1(), 1002);
    live.add("db", QUARTER);

    // run 1003 sees 1002 alive and 1001 gone
    try (HostLayer next = HostLayer.open(v1(), 1003, 20_000, pid -> pid == 1002 || pid == 1003, pid -> {
      reaped.add(pid);
      fs.exit(root, pid);
    }, out)) {
      assertThat(reaped).containsExactly(555L);
      for (String h : List.of("cpu", "cpuacct", "memory")) {
        assertThat(root.resolve(h).resolve("bazaar-1001")).doesNotExist();
        assertThat(root.resolve(h).resolve("bazaar-1002/db")).isDirectory();
        assertThat(root.resolve(h).resolve("bazaar-1003")).isDirectory();
      }
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("bazaar-1001, left by a run that died");
    }
    live.close();
  }

  @Test
  void withoutTheRightToCreateGroupsTheLayerRefusesAndSaysWhy() {
    fs.denied = true;
    assertThatThrownBy(() -> open(v1(), 4711)).isInstanceOf(HostLayer.Unavailable.class)
        .hasMessageContaining("permission denied").hasMessageContaining("no hosts");
  }

  @Test
  void withoutCgroupControllersMountedTheLayerSaysSo() throws Exception {
    Path mounts = root.resolve("mounts");
    Files.writeString(mounts, "proc /proc proc rw 0 0\ncgroup /sys/fs/cgroup/pids cgroup rw,pids 0 0\n");
    assertThatThrownBy(() -> HostLayer.open(mounts, 20_000, out)).isInstanceOf(HostLayer.Unavailable.class)
        .hasMessageContaining("neither cgroup v1").hasMessageContaining("no hosts");
    assertThatThrownBy(() -> HostLayer.open(root.resolve("missing"), 20_000, out)).isInstanceOf(HostLayer.Unavailable.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void hostNamesAreCheckedBeforeAnythingIsCreated() throws Exception {
    try (HostLayer layer = open(v1(), 4711)) {
      assertThatThrownBy(() -> layer.add("../escape", QUARTER)).isInstanceOf(IllegalArgumentException.class);
      layer.add("db", QUARTER);
      assertThatThrownBy(() -> layer.add("db", QUARTER)).hasMessageContaining("exists already");
    }
  }
}
