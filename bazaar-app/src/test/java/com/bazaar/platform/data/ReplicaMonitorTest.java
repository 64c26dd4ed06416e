package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** A check that dies must not leave the replica "replicating" for good, nor die unseen. */
@ExtendWith(OutputCaptureExtension.class)
class ReplicaMonitorTest {
  private final JdbcTemplate replica = mock(JdbcTemplate.class);

  @Test
  void aCheckEndedByAnErrorLeavesTheReplicaDownAndSaysSoInTheLog(CapturedOutput log) {
    when(replica.queryForObject(eq("SELECT @@gtid_slave_pos"), eq(String.class))).thenReturn("0-1-5");
    when(replica.queryForList(anyString()))
        .thenReturn(List.of(Map.of("Slave_IO_Running", "Yes", "Slave_SQL_Running", "Yes", "Seconds_Behind_Master", 0)))
        .thenThrow(new NoClassDefFoundError("the driver went away"));

    try (ReplicaMonitor monitor = new ReplicaMonitor(replica)) {
      monitor.startChecking(Duration.ofMillis(20));

      await().atMost(Duration.ofSeconds(10)).until(() -> monitor.state().problem().contains("replica checks stopped"));
      assertThat(monitor.state().replicating()).isFalse();
      assertThat(log.getOut() + log.getErr()).contains("replica checks stopped", "the driver went away");
    }
  }

  @Test
  void aFailedQueryIsADownReplicaAndTheChecksGoOn() {
    when(replica.queryForObject(eq("SELECT @@gtid_slave_pos"), eq(String.class))).thenReturn("0-1-5");
    when(replica.queryForList(anyString()))
        .thenThrow(new IllegalStateException("connection refused"))
        .thenReturn(List.of(Map.of("Slave_IO_Running", "Yes", "Slave_SQL_Running", "Yes", "Seconds_Behind_Master", 0)));

    try (ReplicaMonitor monitor = new ReplicaMonitor(replica)) {
      monitor.startChecking(Duration.ofMillis(20));

      await().atMost(Duration.ofSeconds(10)).until(() -> monitor.state().replicating());
    }
  }
}
