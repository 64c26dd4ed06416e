package com.bazaar.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bazaar.support.RealEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert and recording rules of deploy/prometheus, checked and unit-tested by Prometheus'
 * own {@code promtool} (Debian package prometheus; bin/test installs it). Skipped, and says
 * so, on a machine without it.
 */
@RealEngines
class PrometheusRulesTest {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final Path RULES = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

  @Test
  void theRulesAreValid() throws Exception {
    String out = promtool("check", "rules", "bazaar-recording.yml", "bazaar-alerts.yml");
    assertThat(out).contains("SUCCESS: 10 rules found", "SUCCESS: 8 rules found");
  }

  @Test
  void theAlertsFireExactlyWhenTheirUnitTestsSay() throws Exception {
    assertThat(promtool("test", "rules", "bazaar-alerts-test.yml")).contains("SUCCESS");
  }

  private static String promtool(String... arguments) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");
    List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
