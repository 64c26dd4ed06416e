package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.bench.host.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounting's own parts that need no cgroup: process CPU from /proc, and an empty window. */
class HostAccountingTest {

  @Test
  void readsAProcesssOwnCpuTicksAndNothingForOneThatIsGone() {
    assertThat(HostAccounting.processTicks(ProcessHandle.current().pid())).hasValueSatisfying(t -> assertThat(t).isPositive());
    assertThat(HostAccounting.processTicks(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void aWindowWithoutHostsStillReportsTheLoadToolsCpu() {
    HostAccounting accounting = new HostAccounting("v", List.<Host>of(), 20_000);
    accounting.opened();
    long spin = 0;
    for (int i = 0; i < 20_000_000; i++) {
      spin += i % 7; // some CPU for the tool to account
    }
    accounting.closed();
    assertThat(spin).isPositive();
    var report = accounting.report(10);
    assertThat(report).containsEntry("requests", 10L).containsEntry("hosts", List.of());
    assertThat(report.get("loadTool")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("cpuMs", "cpuMsPerRequest", "cores");
  }
}
