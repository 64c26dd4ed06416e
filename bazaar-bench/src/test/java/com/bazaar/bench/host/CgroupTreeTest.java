package com.bazaar.bench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupTreeTest {

  /** This machine kind's /proc/self/mounts: v1 controllers each in their own hierarchy, an empty v2 beside. */
  private static final String HYBRID = """
      tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0
      cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0
      cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0
      cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0
      cgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0
      cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0
      """;

  @Test
  void findsCgroupV1WithEachControllerInItsOwnHierarchy() {
    CgroupTree tree = CgroupTree.detect(HYBRID, new FakeCgroupFs()).orElseThrow();
    assertThat(tree.version()).isEqualTo("cgroup v1");
    assertThat(tree.dirs("bazaar-7/db")).containsExactly(Path.of("/sys/fs/cgroup/cpu/bazaar-7/db"),
        Path.of("/sys/fs/cgroup/cpuacct/bazaar-7/db"), Path.of("/sys/fs/cgroup/memory/bazaar-7/db"));
  }

  @Test
  void coMountedControllersShareOneDirectoryWhichAProcessJoinsOnce() {
    String mounts = """
        cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,cpu,cpuacct 0 0
        cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,memory 0 0
        """;
    CgroupTree tree = CgroupTree.detect(mounts, new FakeCgroupFs()).orElseThrow();
    assertThat(tree.procsFiles("bazaar-7/db")).containsExactly(Path.of("/sys/fs/cgroup/cpu,cpuacct/bazaar-7/db/cgroup.procs"),
        Path.of("/sys/fs/cgroup/memory/bazaar-7/db/cgroup.procs"));
  }

  @Test
  void findsCgroupV2WhenItOffersCpuAndMemory(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    CgroupTree tree = CgroupTree.detect("cgroup2 " + root + " cgroup2 rw,nosuid 0 0", new FakeCgroupFs()).orElseThrow();
    assertThat(tree.version()).isEqualTo("cgroup v2");
    assertThat(tree.procsFiles("bazaar-7/db")).containsExactly(root.resolve("bazaar-7/db/cgroup.procs"));
  }

  @Test
  void nothingUsableWhenV2LacksTheCpuControllerOrNoCgroupIsMounted(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "memory pids\n");
    assertThat(CgroupTree.detect("cgroup2 " + root + " cgroup2 rw 0 0", new FakeCgroupFs())).isEmpty();
    assertThat(CgroupTree.detect("proc /proc proc rw 0 0\n", new FakeCgroupFs())).isEmpty();
    assertThat(CgroupTree.detect("cgroup /sys/fs/cgroup/cpu cgroup rw,cpu 0 0\n", new FakeCgroupFs())).isEmpty();
  }

  @Test
  void readsUsageAndThrottlingInEachVersionsUnits(@TempDir Path root) throws Exception {
    CgroupTree v1 = new CgroupTree.V1(new FakeCgroupFs(), root.resolve("cpu"), root.resolve("cpuacct"), root.resolve("memory"));
    Files.createDirectories(root.resolve("cpuacct/g"));
    Files.createDirectories(root.resolve("cpu/g"));
    Files.writeString(root.resolve("cpuacct/g/cpuacct.usage"), "1234654192\n");
    Files.writeString(root.resolve("cpu/g/cpu.stat"), "nr_periods 30\nnr_throttled 12\nthrottled_time 297814062\n");
    assertThat(v1.cpuUsageNanos("g")).isEqualTo(1_234_654_192L);
    assertThat(v1.throttling("g")).isEqualTo(new Throttling(30, 12, 297_814_062L));

    CgroupTree v2 = new CgroupTree.V2(new FakeCgroupFs(), root.resolve("unified"));
    Files.createDirectories(root.resolve("unified/g"));
    Files.writeString(root.resolve("unified/g/cpu.stat"),
        "usage_usec 1234654\nuser_usec 1000000\nsystem_usec 234654\nnr_periods 30\nnr_throttled 12\nthrottled_usec 297814\n");
    assertThat(v2.cpuUsageNanos("g")).isEqualTo(1_234_654_000L);
    assertThat(v2.throttling("g")).isEqualTo(new Throttling(30, 12, 297_814_000L));
  }
}
