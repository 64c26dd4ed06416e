package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code flash-storm}'s options, single and sustained, are checked before anything is sent. */
class FlashStormArgumentsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LoadTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpDescribesTheSustainedMode() {
    assertThat(run("flash-storm", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--duration D", "--rate N", "--warmup D", "flash-purchase-user");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--duration soon|--duration must be a duration",
      "--duration 0s|--duration must be positive",
      "--duration|--duration needs a value",
      "--duration 30s --rate 0|--rate must be above 0 and at most 1000000",
      "--duration 30s --rate -5|--rate must be above 0 and at most 1000000",
      "--duration 30s --rate lots|--rate must be a number, not 'lots'",
      "--rate 500|--rate needs --duration",
      "--warmup 5s|--warmup needs --duration",
      "--duration 30s --warmup soon|--warmup must be a duration",
      "--buyers 0 --duration 30s|--buyers must be between 1 and 100000",
      "--units many|--units must be a whole number",
      "--admin nobody --duration 1m|--admin must be USER:PASSWORD",
      "--target ftp://x --duration 1m|--target must be an http(s) URL",
      "--purchases 5|unknown option --purchases"})
  void badArgumentsExitWithTwoBeforeAnythingIsSent(String line, String message) {
    String[] args = ("flash-storm --target http://127.0.0.1:9 " + line).split(" ");
    assertThat(run(args)).isEqualTo(LoadTool.BAD_ARGUMENTS);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
  }
}
