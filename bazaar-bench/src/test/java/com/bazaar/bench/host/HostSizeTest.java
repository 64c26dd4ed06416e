package com.bazaar.bench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostSizeTest {

  @ParameterizedTest
  @CsvSource({"0.5, 100000, 50000", "0.25, 20000, 5000", "2, 20000, 40000", "0.333, 20000, 6660", "1.5, 1000, 1500"})
  void theQuotaIsTheShareOfEachPeriod(double cpus, long period, long quota) {
    assertThat(new HostSize(cpus, 1L << 30).quotaMicros(period)).isEqualTo(quota);
  }

  @Test
  void aQuotaBelowTheKernelsMinimumIsRaisedToItAndTheGrantedShareSaysSo() {
    HostSize tiny = new HostSize(0.01, 1L << 30);
    assertThat(tiny.quotaMicros(20_000)).isEqualTo(1_000);
    assertThat(tiny.grantedCpus(20_000)).isCloseTo(0.05, within(1e-9));
    assertThat(tiny.grantedCpus(100_000)).isCloseTo(0.01, within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(longs = {999, 1_000_001, 0})
  void aPeriodOutsideTheKernelsBoundsIsRefused(long period) {
    assertThatThrownBy(() -> new HostSize(0.5, 1L << 30).quotaMicros(period))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1000 and 1000000");
  }

  @Test
  void parsesCpusSlashMemory() {
    assertThat(HostSize.parse("0.5cpu/1g")).isEqualTo(new HostSize(0.5, 1L << 30));
    assertThat(HostSize.parse("2CPU/512m")).isEqualTo(new HostSize(2, 512L << 20));
    assertThat(HostSize.parse("0.25cpu/1.5g").memoryBytes()).isEqualTo(3L << 29);
    assertThat(HostSize.parse("0.25cpu/1.5g").times(4).cpus()).isEqualTo(1.0);
    assertThat(HostSize.parse("0.5cpu/1g")).hasToString("0.5cpu/1g");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.5", "half/1g", "0cpu/1g", "-1cpu/1g", "0.5cpu/1k", "0.5cpu/1g/2"})
  void refusesWhatIsNotASize(String spec) {
    assertThatThrownBy(() -> HostSize.parse(spec)).isInstanceOf(IllegalArgumentException.class);
  }
}
