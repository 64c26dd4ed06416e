package com.bazaar.bench.host;

import java.util.Locale;

/**
 * How big a host is: a share of the machine's CPU time and a memory limit. A host of 0.5 CPU
 * may run for {@code 0.5 × period} microseconds in every CFS period, however many threads it has.
 */
public record HostSize(double cpus, long memoryBytes) {

  /** The kernel refuses a CFS quota below 1 ms. */
  static final long MIN_QUOTA_MICROS = 1_000;
  /** The kernel's bounds for {@code cpu.cfs_period_us} / the period of {@code cpu.max}. */
  static final long MIN_PERIOD_MICROS = 1_000;
  static final long MAX_PERIOD_MICROS = 1_000_000;

  private static final long MIB = 1L << 20;

  public HostSize {
    if (!(cpus > 0) || cpus > 1024) {
      throw new IllegalArgumentException("a host needs between 0 and 1024 CPUs, not " + cpus);
    }
    if (memoryBytes < 16 * MIB) {
      throw new IllegalArgumentException("a host needs at least 16 MiB of memory, not " + memoryBytes + " bytes");
    }
  }

  /** Parses {@code 0.5cpu/1g}: CPUs (fractional), a slash, memory with a k, m or g suffix. */
  public static HostSize parse(String spec) {
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length != 2 || !parts[0].endsWith("cpu")) {
      throw new IllegalArgumentException("a host size reads like 0.5cpu/1g, not '" + spec + "'");
    }
    try {
      double cpus = Double.parseDouble(parts[0].substring(0, parts[0].length() - 3));
      return new HostSize(cpus, bytes(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a host size reads like 0.5cpu/1g, not '" + spec + "'");
    }
  }

  private static long bytes(String text) {
    char unit = text.charAt(text.length() - 1);
    long factor = switch (unit) {
      case 'k' -> 1L << 10;
      case 'm' -> MIB;
      case 'g' -> 1L << 30;
      default -> 1;
    };
    String number = factor == 1 ? text : text.substring(0, text.length() - 1);
    return Math.round(Double.parseDouble(number) * factor);
  }

  /** The CFS quota for one period: {@code cpus × period}, never below the kernel's 1 ms minimum. */
  public long quotaMicros(long periodMicros) {
    checkPeriod(periodMicros);
    return Math.max(MIN_QUOTA_MICROS, Math.round(cpus * periodMicros));
  }

  /** The CPUs a quota really grants once rounded (what the report should state). */
  public double grantedCpus(long periodMicros) {
    return quotaMicros(periodMicros) / (double) periodMicros;
  }

  /** Twice as many CPUs, the same memory per CPU: the sizes a projection walks through. */
  public HostSize times(double factor) {
    return new HostSize(cpus * factor, memoryBytes);
  }

  static void checkPeriod(long periodMicros) {
    if (periodMicros < MIN_PERIOD_MICROS || periodMicros > MAX_PERIOD_MICROS) {
      throw new IllegalArgumentException("a CFS period is between 1000 and 1000000 µs, not " + periodMicros);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%scpu/%s", trim(cpus), memory());
  }

  private String memory() {
    if (memoryBytes % (1L << 30) == 0) {
      return memoryBytes / (1L << 30) + "g";
    }
    return memoryBytes % MIB == 0 ? memoryBytes / MIB + "m" : Long.toString(memoryBytes);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
