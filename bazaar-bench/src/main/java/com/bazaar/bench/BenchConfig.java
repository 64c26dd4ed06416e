package com.bazaar.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The command line, validated. */
public record BenchConfig(
    URI target, Mode mode, double rate, int users, Duration duration, Duration warmup, Mix mix,
    Path out, long seed, List<String> auditDbs, Restock restock) {

  public enum Mode { OPEN, CLOSED }

  /**
   * Before each run the admin tops every item the shoppers buy up to {@code floor} units, so that
   * a long warm-up or an earlier run does not leave the order actions measuring sold-out answers.
   */
  public record Restock(String user, String password, long floor) {
    static final Restock DEFAULT = new Restock("admin", "admin-password", 1_000);

    boolean off() {
      return floor == 0;
    }
  }

  /** The same run with another mix (an experiment that isolates one action). */
  public BenchConfig withMix(Mix other) {
    return new BenchConfig(target, mode, rate, users, duration, warmup, other, out, seed, auditDbs, restock);
  }

  /** The same run at a fixed arrival rate (open mode). */
  public BenchConfig openAt(double requestsPerSecond) {
    return new BenchConfig(target, Mode.OPEN, requestsPerSecond, users, duration, warmup, mix, out, seed, auditDbs, restock);
  }

  /** The same run with its users looping without think time (closed mode): as fast as the deployment answers. */
  public BenchConfig closed() {
    return new BenchConfig(target, Mode.CLOSED, rate, users, duration, warmup, mix, out, seed, auditDbs, restock);
  }

  /** The same run with another unmeasured time before it. */
  public BenchConfig withWarmup(Duration other) {
    return new BenchConfig(target, mode, rate, users, duration, other, mix, out, seed, auditDbs, restock);
  }

  /** The same workload against another deployment, written elsewhere. */
  public BenchConfig against(URI target, Path out, List<String> auditDbs) {
    return new BenchConfig(target, mode, rate, users, duration, warmup, mix, out, seed, List.copyOf(auditDbs), restock);
  }

  public static final String USAGE = """
      Usage: java -jar bazaar-bench/target/bazaar-bench.jar [options]
             java -jar bazaar-bench/target/bazaar-bench.jar evolution [evolution options] [options]
                (starts each deployment stage in turn and compares them; evolution --help tells more)
             java -jar bazaar-bench/target/bazaar-bench.jar flash-storm [options]
                (a flash-sale storm: N buyers press buy at once; flash-storm --help tells more)
             java -jar bazaar-bench/target/bazaar-bench.jar hop-cost [options]
                (the cost of a remote Catalog call: the monolith and a services web node side by side;
                hop-cost --help tells more)

        --target URL       the Bazaar to drive            (default http://localhost:8080)
        --mode open|closed open: fixed arrival rate; closed: N users, no think time (default open)
        --rate N           requests per second, open mode  (default 50)
        --users N          virtual shoppers (each registers and logs in once) (default 10)
        --duration D       measured time, e.g. 30s, 2m     (default 30s)
        --warmup D         unmeasured time before it       (default 5s)
        --mix SPEC         action weights                  (default browse=50,search=20,cart=15,order=10,pay=5)
        --out DIR          where result.json and report.html go (default target/bench-run)
        --seed N           random seed for the mix         (default: time based)
        --restock N        before each run the admin tops each item the shoppers buy up to N units, so
                           orders do not turn into sold-out answers; 0 leaves the stock alone (default 1000)
        --admin USER:PASS  the admin who restocks         (default admin:admin-password)
        --audit-db JDBC    also audit the deployment's tables through this JDBC URL, credentials in
                           it (jdbc:mariadb://127.0.0.1:3306/bazaar?user=root&password=); repeat it
                           for each database of a split or sharded layout
        --help             this text

      Exit codes: 0 run done and audit passed, 1 audit failed, 2 bad arguments, 3 run failed.
      """;

  public static BenchConfig parse(String... args) {
    URI target = URI.create("http://localhost:8080");
    Mode mode = Mode.OPEN;
    double rate = 50;
    int users = 10;
    Duration duration = Duration.ofSeconds(30);
    Duration warmup = Duration.ofSeconds(5);
    Mix mix = Mix.parse("browse=50,search=20,cart=15,order=10,pay=5");
    Path out = Path.of("target", "bench-run");
    long seed = System.nanoTime();
    List<String> auditDbs = new ArrayList<>();
    long restockFloor = Restock.DEFAULT.floor();
    String[] admin = {Restock.DEFAULT.user(), Restock.DEFAULT.password()};
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!name.startsWith("--")) {
        throw new BadArguments("unexpected argument '" + arg + "'");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new BadArguments(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--target" -> target = uri(value);
        case "--mode" -> mode = switch (value.toLowerCase(Locale.ROOT)) {
          case "open" -> Mode.OPEN;
          case "closed" -> Mode.CLOSED;
          default -> throw new BadArguments("--mode must be open or closed, not '" + value + "'");
        };
        case "--rate" -> rate = positiveDouble(name, value);
        case "--users" -> users = (int) positiveLong(name, value);
        case "--duration" -> duration = duration(name, value, false);
        case "--warmup" -> warmup = duration(name, value, true);
        case "--mix" -> {
          try {
            mix = Mix.parse(value);
          } catch (IllegalArgumentException e) {
            throw new BadArguments("--mix: " + e.getMessage());
          }
        }
        case "--out" -> out = Path.of(value);
        case "--seed" -> {
          try {
            seed = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new BadArguments("--seed must be a whole number, not '" + value + "'");
          }
        }
        case "--audit-db" -> {
          if (!value.startsWith("jdbc:")) {
            throw new BadArguments("--audit-db must be a JDBC URL (jdbc:...), not '" + DbAudit.redact(value) + "'");
          }
          auditDbs.add(value);
        }
        case "--restock" -> restockFloor = wholeNumberFromZero(name, value);
        case "--admin" -> {
          admin = value.split(":", 2);
          if (admin.length != 2 || admin[0].isBlank()) {
            throw new BadArguments("--admin must be USER:PASSWORD");
          }
        }
        default -> throw new BadArguments("unknown option " + name);
      }
    }
    if (users > 10_000) {
      throw new BadArguments("--users must be at most 10000");
    }
    if (rate > 100_000) {
      throw new BadArguments("--rate must be at most 100000");
    }
    if (restockFloor > 1_000_000) {
      throw new BadArguments("--restock must be at most 1000000");
    }
    return new BenchConfig(target, mode, rate, users, duration, warmup, mix, out, seed, List.copyOf(auditDbs),
        new Restock(admin[0], admin[1], restockFloor));
  }

  private static URI uri(String value) {
    try {
      URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new BadArguments("--target must be an http(s) URL, not '" + value + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BadArguments("--target is not a URL: '" + value + "'");
    }
  }

  private static double positiveDouble(String name, String value) {
    try {
      double d = Double.parseDouble(value);
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new BadArguments(name + " must be positive, not '" + value + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadArguments(name + " must be a number, not '" + value + "'");
    }
  }

  /** 0 or more: 0 is "off" where an option says so. */
  private static long wholeNumberFromZero(String name, String value) {
    try {
      long l = Long.parseLong(value.trim());
      if (l < 0) {
        throw new BadArguments(name + " must be 0 or more, not '" + value + "'");
      }
      return l;
    } catch (NumberFormatException e) {
      throw new BadArguments(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static long positiveLong(String name, String value) {
    try {
      long l = Long.parseLong(value);
      if (l <= 0) {
        throw new BadArguments(name + " must be positive, not '" + value + "'");
      }
      return l;
    } catch (NumberFormatException e) {
      throw new BadArguments(name + " must be a whole number, not '" + value + "'");
    }
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or bare seconds. */
  static Duration duration(String name, String value, boolean zeroAllowed) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
      } else if (v.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
      } else if (v.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(v));
      }
      if (d.isNegative() || (!zeroAllowed && d.isZero())) {
        throw new BadArguments(name + " must be " + (zeroAllowed ? "zero or more" : "positive") + ", not '" + value + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadArguments(name + " must be a duration like 30s, 500ms or 2m, not '" + value + "'");
    }
  }

  /**
   * Reads a sub-command's {@code --name value} pairs into {@code options}, whose keys are the
   * command's options and whose values are their defaults; false when the caller asked for help.
   */
  static boolean readOptions(String[] args, Map<String, String> options) {
    for (int i = 0; i < args.length; i++) {
      if ("--help".equals(args[i]) || "-h".equals(args[i])) {
        return false;
      }
      if (!options.containsKey(args[i])) {
        throw new BadArguments("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new BadArguments(args[i] + " needs a value");
      }
      options.put(args[i], args[++i]);
    }
    return true;
  }

  /** A command line the tool cannot run with; the message says why. */
  public static final class BadArguments extends RuntimeException {
    public BadArguments(String message) {
      super(message);
    }
  }
}
