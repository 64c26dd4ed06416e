package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadToolArgumentsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LoadTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--mode open|closed", "--mix");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--mode fast|--mode must be open or closed",
      "--rate -5|--rate must be positive",
      "--rate lots|--rate must be a number",
      "--users 0|--users must be positive",
      "--duration 10 parsecs|unexpected argument 'parsecs'",
      "--duration 0s|--duration must be positive",
      "--duration soon|--duration must be a duration",
      "--mix browse=x|--mix: weight of browse is not a whole number",
      "--target ftp://x|--target must be an http(s) URL",
      "--colour blue|unknown option --colour",
      "--rate|--rate needs a value",
      "--restock -1|--restock must be 0 or more",
      "--restock 2000000|--restock must be at most 1000000",
      "--admin nobody|--admin must be USER:PASSWORD",
      "--audit-db mariadb://h/db?password=secret|--audit-db must be a JDBC URL (jdbc:...), not 'mariadb://h/db?password=***'"})
  void badArgumentsExitWithTwoAndSayWhy(String line, String message) {
    assertThat(run(line.split(" "))).isEqualTo(LoadTool.BAD_ARGUMENTS);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
  }

  @Test
  void readsEveryOptionInBothSpellings() {
    BenchConfig c = BenchConfig.parse("--target", "http://shop:9090/", "--mode=closed", "--rate", "12.5", "--users=3",
        "--duration", "2m", "--warmup=500ms", "--mix", "search=1", "--out", "x/y", "--seed", "9",
        "--audit-db", "jdbc:mariadb://db/trade_0", "--audit-db=jdbc:mariadb://db/trade_1", "--restock", "0",
        "--admin=boss:s3:cret");
    assertThat(c.target().toString()).isEqualTo("http://shop:9090");
    assertThat(c.mode()).isEqualTo(BenchConfig.Mode.CLOSED);
    assertThat(c.rate()).isEqualTo(12.5);
    assertThat(c.users()).isEqualTo(3);
    assertThat(c.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.mix().toString()).isEqualTo("search=1");
    assertThat(c.seed()).isEqualTo(9);
    assertThat(c.auditDbs()).containsExactly("jdbc:mariadb://db/trade_0", "jdbc:mariadb://db/trade_1");
    assertThat(c.restock()).isEqualTo(new BenchConfig.Restock("boss", "s3:cret", 0));
  }

  @Test
  void restocksAsTheDemoAdminByDefault() {
    assertThat(BenchConfig.parse().restock()).isEqualTo(new BenchConfig.Restock("admin", "admin-password", 1_000));
  }
}
