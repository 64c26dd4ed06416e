package com.bazaar.bench;

import com.bazaar.bench.host.Host;
import com.bazaar.bench.host.HostLayer;
import com.bazaar.bench.host.HostSize;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a deployment in hosts is built from: hosts of the run's host layer, and inside them
 * server processes of its own — app nodes, nginx, mariadbd and redis-server started by
 * {@code bin/engine}, a RabbitMQ node ({@link RabbitNode}), each on its own ports and data
 * directories — so the machine's shared servers are never limited or moved.
 */
final class Hosting {

  /** Where ports come from: the first port to try for each kind, 0 for any free port. */
  record Ports(int mariadb, int redis, int app, int rabbit) {

    static final Ports ANY = new Ports(0, 0, 0, 0);

    /** Parses {@code mariadb=3320,redis=6390,app=18500,rabbit=5690}; kinds not named take any free port. */
    static Ports parse(String spec) {
      int m = 0;
      int r = 0;
      int a = 0;
      int q = 0;
      for (String part : spec.split(",")) {
        String[] kv = part.trim().split("=");
        if (kv.length != 2 || !kv[1].matches("\\d{1,5}") || Integer.parseInt(kv[1]) > 65535) {
          throw new BenchConfig.BadArguments("--host-ports reads like mariadb=3320,redis=6390,app=18500,rabbit=5690, not '" + spec + "'");
        }
        int port = Integer.parseInt(kv[1]);
        switch (kv[0]) {
          case "mariadb" -> m = port;
          case "redis" -> r = port;
          case "app" -> a = port;
          case "rabbit" -> q = port;
          default -> throw new BenchConfig.BadArguments("--host-ports knows mariadb, redis, app and rabbit, not '" + kv[0] + "'");
        }
      }
      return new Ports(m, r, a, q);
    }
  }

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final HostLayer layer;
  private final Evolution.Context context;
  private final HostSize size;
  private final HostSize supportSize;
  private final HostSize saturatedSize;
  private final Ports ports;
  private final Set<Integer> handedOut = new HashSet<>();

  Hosting(HostLayer layer, Evolution.Context context, HostSize size, HostSize supportSize, HostSize saturatedSize,
          Ports ports) {
    this.layer = layer;
    this.context = context;
    this.size = size;
    this.supportSize = supportSize;
    this.saturatedSize = saturatedSize;
    this.ports = ports;
  }

  /** The size of the hosts an experiment compares (app hosts, and the database host of the separate-DB one). */
  HostSize size() {
    return size;
  }

  /** The size of hosts that must not be the bottleneck (nginx, Redis, the database behind a cluster). */
  HostSize supportSize() {
    return supportSize;
  }

  /**
   * The database hosts the replica and sharding experiments compare: small enough that the
   * database, not the app on its support-sized host, is what runs out of CPU.
   */
  HostSize saturatedSize() {
    return saturatedSize;
  }

  long periodMicros() {
    return layer.periodMicros();
  }

  String version() {
    return layer.version();
  }

  /**
   * The JVMs see as many processors as their host has whole CPUs (at least one): they size GC and
   * thread pools as they would on a machine of that size, not on the box under the hosts.
   */
  static int activeProcessors(HostSize size) {
    return Math.max(1, (int) Math.ceil(size.cpus() - 1e-9));
  }

  Build build(String variant) {
    return new Build(variant);
  }

  /** One deployment being built; whatever was started is stopped, and every host removed, on close. */
  final class Build implements Stage.Deployment {
    private final String variant;
    private int appNodes;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final List<Host> hosts = new ArrayList<>();
    private final List<String> auditDbs = new ArrayList<>();
    private URI target;

    private Build(String variant) {
      this.variant = variant;
    }

    Path dir() {
      return context.runs().resolve(variant).toAbsolutePath();
    }

    String variantId() {
      return variant;
    }

    /** A host of the given size, its quota lifted until the measured window opens (see {@link HostAccounting}). */
    Host host(String role, HostSize hostSize) throws IOException {
      Host host = layer.add(variant + "-" + role, hostSize);
      hosts.add(host);
      parts.push(() -> layer.remove(host));
      host.unlimit();
      return host;
    }

    /** A mariadbd of its own in the host; answers its port and registers its {@code bazaar} database for the audit. */
    int mariadb(Host host) throws IOException, InterruptedException {
      int port = port(ports.mariadb());
      engine(host, "start", "mariadb", host.name(), Integer.toString(port));
      parts.push(() -> engine(host, "delete", host.name()));
      auditDbs.add("jdbc:mariadb://127.0.0.1:" + port + "/bazaar?user=root&password=");
      return port;
    }

    /** A mariadbd of its own following {@code primaryPort} (binlog + GTID); answers its port. */
    int replicaOf(Host host, int primaryPort) throws IOException, InterruptedException {
      int port = port(ports.mariadb());
      engine(host, "start", "mariadb", host.name(), Integer.toString(port), "--replica-of", Integer.toString(primaryPort));
      parts.push(() -> engine(host, "delete", host.name()));
      return port;
    }

    /** A mariadbd of its own for order shards: no database of its own to audit, the shards' are added by name. */
    int shardServer(Host host) throws IOException, InterruptedException {
      int port = port(ports.mariadb());
      engine(host, "start", "mariadb", host.name(), Integer.toString(port));
      parts.push(() -> engine(host, "delete", host.name()));
      return port;
    }

    void audit(String jdbcUrl) {
      auditDbs.add(jdbcUrl);
    }

    /** A redis-server of its own in the host; answers its port. */
    int redis(Host host) throws IOException, InterruptedException {
      int port = port(ports.redis());
      engine(host, "start", "redis", host.name(), Integer.toString(port));
      parts.push(() -> engine(host, "delete", host.name()));
      return port;
    }

    /**
     * A RabbitMQ node of its own in the host ({@link RabbitNode}), files under the variant's
     * directory; answers its AMQP port.
     */
    int rabbit(Host host) throws IOException, InterruptedException {
      if (!RabbitNode.available()) {
        throw new IOException("no " + RabbitNode.SERVER + " (bin/rabbitmq-up installs the package)");
      }
      int port = port(ports.rabbit());
      int dist = port(0);
      Path home = dir().resolve("rabbitmq-" + host.name());
      RabbitNode node = RabbitNode.start(host, home, port, dist, activeProcessors(host.size()));
      parts.push(node);
      context.out().println("[" + variant + "] RabbitMQ node " + node.node() + " in host " + host + " on port " + port);
      return port;
    }

    private void engine(Host host, String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(context.repo().resolve("bin").resolve("engine").toString()));
      command.addAll(List.of(args));
      Path log = dir().resolve("engines.log");
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(host.environment());
      pb.environment().put("BAZAAR_ENGINE_DIR", engineDir().toString());
      int exit = pb.start().waitFor();
      if (exit != 0 && "start".equals(args[0])) {
        throw new IOException("bin/engine " + String.join(" ", args) + " failed (" + exit + "); see " + log);
      }
    }

    /** An app node in the host, with the evolution's node settings; answers its address. */
    URI app(Host host, String name, List<String> args) throws IOException, InterruptedException {
      List<String> all = new ArrayList<>(args);
      all.add("--bazaar.data-dir=" + dir().resolve(name));
      all.addAll(Evolution.NODE_SETTINGS);
      int port = port(ports.app());
      Path log = dir().resolve(name + ".log");
      context.out().println("[" + variant + "] " + name + " in host " + host + " on port " + port + " (log " + log + ")");
      AppNode node = AppNode.start(context.appJar(), List.of("-XX:ActiveProcessorCount=" + activeProcessors(host.size())),
          all, host::wrap, port, log, START_TIMEOUT);
      parts.push(node);
      appNodes++;
      return node.base();
    }

    /** How many app JVMs the deployment started: each needs its own JIT warm-up. */
    int appNodes() {
      return appNodes;
    }

    /** nginx (one worker, the cluster's template with its edge cache) in the host, in front of the nodes. */
    URI nginx(Host host, List<URI> nodes) throws IOException, InterruptedException {
      Path prefix = dir().resolve("nginx");
      for (String d : List.of("tmp", "cache", "logs")) {
        Files.createDirectories(prefix.resolve(d));
        prefix.resolve(d).toFile().setWritable(true, false); // the workers run unprivileged
      }
      int port = port(ports.app());
      int statusPort = port(ports.app()); // the template's stub_status server (read by no one here)
      StringBuilder servers = new StringBuilder();
      for (URI n : nodes) {
        servers.append("    server 127.0.0.1:").append(n.getPort()).append(" max_fails=1 fail_timeout=2s;\n");
      }
      String conf = Files.readString(context.repo().resolve("deploy/nginx/bazaar.conf.template"))
          .replace("@@PREFIX@@", prefix.toString()).replace("@@PORT@@", Integer.toString(port))
          .replace("@@STATUS_PORT@@", Integer.toString(statusPort))
          .replace("@@SERVERS@@", servers.toString().stripTrailing()).replace("@@DAEMON@@", "off");
      Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
      Process nginx = new ProcessBuilder(host.wrap(List.of("/usr/sbin/nginx", "-p", prefix.toString(), "-c",
          prefix.resolve("nginx.conf").toString()))).redirectErrorStream(true)
          .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
      parts.push(() -> {
        nginx.destroy(); // TERM: nginx's fast shutdown, workers included
        if (!nginx.waitFor(20, TimeUnit.SECONDS)) {
          nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      });
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitHealthy(base, nginx, prefix.resolve("error.log"));
      context.out().println("[" + variant + "] nginx in host " + host + " on port " + port + " over " + nodes.size() + " nodes");
      return base;
    }

    Build target(URI uri) {
      this.target = uri;
      return this;
    }

    @Override
    public URI target() {
      return target;
    }

    @Override
    public List<String> auditDbs() {
      return List.copyOf(auditDbs);
    }

    @Override
    public List<Host> hosts() {
      return List.copyOf(hosts);
    }

    @Override
    public void close() throws IOException, InterruptedException {
      Exception first = null;
      while (!parts.isEmpty()) {
        try {
          parts.pop().close();
        } catch (Exception e) {
          first = first == null ? e : first;
        }
      }
      if (first instanceof IOException io) {
        throw io;
      }
      if (first instanceof InterruptedException ie) {
        throw ie;
      }
      if (first != null) {
        throw new IOException(first);
      }
    }
  }

  private Path engineDir() {
    // mariadbd runs as the mysql user: its data lives where that user may go, not in the checkout
    return Path.of(System.getProperty("java.io.tmpdir"), "bazaar-engines-" + ProcessHandle.current().pid());
  }

  /** Removes the engines' data directory (the template too) when the run ends. */
  void close() throws IOException {
    Evolution.deleteRecursively(engineDir());
  }

  private synchronized int port(int from) throws IOException {
    if (from == 0) {
      int p = AppNode.freePort();
      handedOut.add(p);
      return p;
    }
    for (int p = from; p < Math.min(65536, from + 100); p++) {
      if (handedOut.contains(p)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
        handedOut.add(p);
        return p;
      } catch (IOException taken) {
        // next
      }
    }
    throw new IOException(String.format(Locale.ROOT, "no free port in %d..%d", from, from + 99));
  }

  private static void awaitHealthy(URI base, Process process, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nginx exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      process.waitFor(250, TimeUnit.MILLISECONDS);
    }
    throw new IOException("nginx on " + base + " did not answer within 30 s; see " + log);
  }
}
