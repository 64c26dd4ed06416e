package com.bazaar.support.cluster;

import static org.awaitility.Awaitility.await;

import com.bazaar.support.FreePorts;
import com.bazaar.support.RedisTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the packaged application ({@code target/bazaar.jar}) as N separate JVMs, optionally
 * behind nginx, for the multi-process integration tests ({@code *IT}, run by failsafe after
 * {@code package}). Reusable by any tier's tests:
 *
 * <pre>{@code
 * try (ClusterHarness cluster = ClusterHarness.builder().nodes(3).profiles("redis", "edge")
 *     .property("bazaar.demo.items", "60").nginx().start()) {
 *   int port = cluster.nginxPort();      // or cluster.node(2).port() for one node
 *   cluster.kill(2);                     // kill -9
 *   cluster.restart(2);                  // same port, same data dir, waits for health
 * }
 * }</pre>
 *
 * Each harness gets its own throw-away MariaDB database ({@code bazaar_test_cluster_<random>},
 * dropped on close; nodes given a {@link Builder#database second one} use {@code
 * bazaar_test_cluster_<random>_<suffix>}, dropped likewise) and its own Redis namespace ({@code
 * bazaar.redis.namespace}, deleted on close), so harnesses never see each other's data or another
 * suite's. Nodes get distinct Snowflake worker ids. Ports come from {@link FreePorts} (below the ephemeral range, so a
 * killed node's port is still free when it restarts). Everything it writes (node data, logs, nginx config, cache) is under
 * {@code target/cluster/<id>}; a failing test's logs stay there.
 */
public final class ClusterHarness implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final Path dir;
  private final Path jar;
  private final List<String> profiles;
  private final Map<String, String> properties;
  private final Map<Integer, Map<String, String>> nodeProperties;
  private final String heap;
  private final String database = "bazaar_test_cluster_" + id;
  /** Node index → the second database it uses instead of {@link #database}. */
  private final Map<Integer, String> nodeDatabases = new LinkedHashMap<>();
  private final String redisNamespace = "bazaar-test-" + id;
  private final List<Node> nodes = new ArrayList<>();
  private Nginx nginx;

  private ClusterHarness(Builder builder) {
    this.dir = Paths.get("target", "cluster", id).toAbsolutePath();
    this.jar = Paths.get(System.getProperty("bazaar.jar", "target/bazaar.jar")).toAbsolutePath();
    this.profiles = List.copyOf(builder.profiles);
    this.heap = builder.heap;
    this.properties = new LinkedHashMap<>(builder.properties);
    this.nodeProperties = Map.copyOf(builder.nodeProperties);
    builder.nodeDatabases.forEach((index, suffix) -> nodeDatabases.put(index, database + "_" + suffix));
    this.properties.putIfAbsent("spring.datasource.url", url(database));
    this.properties.putIfAbsent("spring.datasource.username", "root");
    this.properties.putIfAbsent("spring.datasource.password", "");
    this.properties.putIfAbsent("bazaar.redis.namespace", redisNamespace);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: *IT tests run after package (mvn verify)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Node node(int index) {
    return nodes.get(index - 1);
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  public int nginxPort() {
    if (nginx == null) {
      throw new IllegalStateException("this harness runs no nginx: builder().nginx()");
    }
    return nginx.port();
  }

  /** nginx's stub_status port (loopback), which prometheus-nginx-exporter reads. */
  public int nginxStatusPort() {
    nginxPort(); // the same refusal as above when this harness runs no nginx
    return nginx.statusPort();
  }

  /** The JDBC URL of the harness's database, for tests that check the database behind the API. */
  public String jdbcUrl() {
    return properties.get("spring.datasource.url");
  }

  /** The JDBC URL node {@code index} uses: the harness's database, or the {@link Builder#database second one} it was given. */
  public String jdbcUrl(int index) {
    return nodeDatabases.containsKey(index) ? url(nodeDatabases.get(index)) : jdbcUrl();
  }

  private static String url(String database) {
    return "jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true";
  }

  public String redisNamespace() {
    return properties.get("bazaar.redis.namespace");
  }

  /** kill -9: the node gets no chance to finish requests, release locks or say goodbye. */
  public void kill(int index) {
    node(index).kill();
  }

  /** Starts a killed or stopped node again on its port and data dir, and waits for its health. */
  public void restart(int index) {
    Node node = node(index);
    node.start();
    node.awaitHealthy(START_TIMEOUT);
  }

  /**
   * Starts one more node (the next index, with that index's {@link Builder#nodeProperty node
   * properties}) and waits for its health, e.g. an instance joining a running services deployment.
   */
  public Node addNode() {
    int index = nodes.size() + 1;
    Node node = new Node(index, FreePorts.pick(), dir.resolve("node-" + index), command(index));
    nodes.add(node);
    node.start();
    node.awaitHealthy(START_TIMEOUT);
    return node;
  }

  private ClusterHarness start(int count, boolean withNginx, List<Integer> behindNginx) {
    try {
      Files.createDirectories(dir);
      for (int i = 1; i <= count; i++) {
        nodes.add(new Node(i, FreePorts.pick(), dir.resolve("node-" + i), command(i)));
      }
      // One at a time: the first migrates the schema and seeds the demo catalog alone, and on
      // a 2-core machine shared with other suites two JVMs booting together only slow each
      // other down (each start is timed alone; together, both once ran past the timeout).
      for (Node node : nodes) {
        node.start();
        node.awaitHealthy(START_TIMEOUT);
      }
      if (withNginx) {
        List<Node> upstream = behindNginx.isEmpty() ? nodes : behindNginx.stream().map(this::node).toList();
        nginx = Nginx.start(dir.resolve("nginx"), FreePorts.pick(), FreePorts.pick(), upstream);
      }
      return this;
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private List<String> command(int index) {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        // As bin/run and bin/cluster launch a node: an OutOfMemoryError ends the process.
        "-XX:+ExitOnOutOfMemoryError",
        "-jar", jar.toString(),
        "--spring.profiles.active=" + String.join(",", profiles),
        "--bazaar.data-dir=" + dir.resolve("node-" + index),
        // Pictures in one directory all nodes share, as bin/cluster does (docs/cluster.md).
        "--bazaar.images.dir=" + dir.resolve("images"),
        "--bazaar.ids.worker-id=" + index));
    // One argument per property, the node's own winning: Spring joins a repeated argument's values with commas.
    Map<String, String> nodeSettings = new LinkedHashMap<>(properties);
    nodeSettings.putAll(nodeProperties.getOrDefault(index, Map.of()));
    if (nodeDatabases.containsKey(index)) {
      nodeSettings.put("spring.datasource.url", url(nodeDatabases.get(index)));
    }
    nodeSettings.forEach((key, value) -> command.add("--" + key + "=" + value));
    return command;
  }

  @Override
  public void close() {
    if (nginx != null) {
      nginx.stop();
    }
    nodes.forEach(Node::kill);
    dropDatabases();
    try (RedisTestServer redis = new RedisTestServer()) {
      redis.deleteNamespace(redisNamespace());
    } catch (RuntimeException e) {
      System.err.println("ClusterHarness: could not delete Redis namespace " + redisNamespace() + ": " + e);
    }
  }

  private void dropDatabases() {
    Set<String> ours = new LinkedHashSet<>(nodeDatabases.values());
    if (properties.get("spring.datasource.url").equals(url(database))) {
      ours.add(database); // unless the caller brought its own database
    }
    for (String name : ours) {
      try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
          var statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
      } catch (SQLException e) {
        System.err.println("ClusterHarness: could not drop " + name + ": " + e);
      }
    }
  }

  /** Tail of a log file, for failure messages. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Polls until the condition holds or fails with the message. */
  static void awaitUntil(Duration timeout, String what, java.util.concurrent.Callable<Boolean> condition) {
    await(what).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(IOException.class).until(condition);
  }

  /** Nodes, profiles and properties of a cluster; {@link #start()} starts it. */
  public static final class Builder {
    private int nodes = 3;
    private final List<String> profiles = new ArrayList<>(List.of("redis", "edge"));
    // A small catalog, and small pools: the MariaDB server is shared with every other suite.
    // Redis commands may take 10 s, not the production 2 s: on a loaded 2-core machine two
    // nodes starting together starve Lettuce's event loop, and a handshake past the timeout
    // made a node exit at start-up (its cache invalidation subscription failed).
    private final Map<String, String> properties = new LinkedHashMap<>(Map.of(
        "bazaar.demo.items", "60",
        "spring.datasource.hikari.maximum-pool-size", "5",
        "spring.data.redis.timeout", "10s"));
    private final Map<Integer, Map<String, String>> nodeProperties = new LinkedHashMap<>();
    private final Map<Integer, String> nodeDatabases = new LinkedHashMap<>();
    private boolean nginx;
    private List<Integer> behindNginx = List.of();
    private String heap = "384m";

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    /** Replaces the default profiles ({@code redis}, {@code edge}). */
    public Builder profiles(String... profiles) {
      this.profiles.clear();
      this.profiles.addAll(List.of(profiles));
      return this;
    }

    /** A Spring property for every node, e.g. {@code bazaar.edge.item-max-age=30s}. */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** A Spring property for one node (1-based), e.g. its role in the services deployment. */
    public Builder nodeProperty(int index, String key, String value) {
      nodeProperties.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    /**
     * These nodes (1-based) use a second throw-away database of the harness, {@code
     * bazaar_test_cluster_<id>_<suffix>}, dropped on close like the first: e.g. the catalog
     * instances of the services deployment, whose role owns its data. {@link ClusterHarness#jdbcUrl(int)} names it.
     */
    public Builder database(String suffix, Integer... nodes) {
      if (!suffix.matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException("a database suffix is lower-case letters, digits and _: " + suffix);
      }
      for (int node : nodes) {
        nodeDatabases.put(node, suffix);
      }
      return this;
    }

    /** Each node's maximum heap ({@code -Xmx}), 384m unless set. */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    public Builder nginx() {
      this.nginx = true;
      return this;
    }

    /** nginx in front of these nodes (1-based) only, e.g. the web instances of the services deployment. */
    public Builder nginxInFrontOf(Integer... nodes) {
      this.nginx = true;
      this.behindNginx = List.of(nodes);
      return this;
    }

    public ClusterHarness start() {
      return new ClusterHarness(this).start(nodes, nginx, behindNginx);
    }
  }
}
