package com.bazaar.bench;

import com.bazaar.bench.host.Host;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of its own inside a host: a second node of the machine's {@code rabbitmq-server}
 * package ({@code RABBITMQ_NODENAME}) on its own AMQP and distribution ports, with its own config,
 * Erlang cookie ({@code HOME}), mnesia and log directories under one directory, no plugins —
 * the approach of the app's {@code PrivateRabbitNode} test support. The machine's shared broker
 * on 5672 is never touched; the shared epmd (127.0.0.1:4369) only registers the node's name.
 */
final class RabbitNode implements AutoCloseable {
  static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  private final String node;
  private final int port;
  private final Path dir;
  private final Process process;

  private RabbitNode(String node, int port, Path dir, Process process) {
    this.node = node;
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  static boolean available() {
    return Files.isExecutable(SERVER);
  }

  /** "bazaar-flash-queued-rabbit@localhost": Erlang node names take letters, digits, '-' and '_'. */
  static String nodeName(String hostName) {
    return "bazaar-" + hostName.replaceAll("[^A-Za-z0-9_-]", "-") + "@localhost";
  }

  /**
   * The node's environment: everything it reads or writes is under {@code dir}. Its schedulers
   * match the host's whole CPUs (as {@code -XX:ActiveProcessorCount} does for the JVMs), and they
   * do not busy-wait: a spinning scheduler burns the host's quota on nothing and would be counted
   * as the broker's cost per request.
   */
  static Map<String, String> environment(String node, Path dir, int amqpPort, int distPort, int schedulers) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", dir.resolve("home").toString()); // the Erlang cookie the node (and rabbitmqctl) would share
    env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()); // not /etc's: it names the shared node
    env.put("RABBITMQ_NODENAME", node);
    env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
    env.put("RABBITMQ_NODE_PORT", Integer.toString(amqpPort));
    env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
    env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
    env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
    env.put("RABBITMQ_PID_FILE", dir.resolve("node.pid").toString());
    env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
        "+S " + schedulers + ":" + schedulers + " +sbwt none +sbwtdcpu none +sbwtdio none");
    return env;
  }

  /** The files the environment names, written before the node starts. */
  static Map<String, String> files(int amqpPort) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("rabbitmq.conf", "listeners.tcp.local = 127.0.0.1:" + amqpPort + "\n");
    files.put("enabled_plugins", "[].\n");
    files.put("rabbitmq-env.conf", "ERL_EPMD_ADDRESS=127.0.0.1\n");
    return files;
  }

  /** Starts the node inside the host and waits until it answers the AMQP protocol header. */
  static RabbitNode start(Host host, Path dir, int amqpPort, int distPort, int schedulers)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("home"));
    for (Map.Entry<String, String> f : files(amqpPort).entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    String node = nodeName(host.name());
    ProcessBuilder pb = new ProcessBuilder(host.wrap(List.of(SERVER.toString()))).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.out").toFile());
    pb.environment().putAll(environment(node, dir, amqpPort, distPort, schedulers));
    RabbitNode rabbit = new RabbitNode(node, amqpPort, dir, pb.start());
    try {
      rabbit.awaitAmqp();
    } catch (IOException | InterruptedException | RuntimeException e) {
      rabbit.close();
      throw e;
    }
    return rabbit;
  }

  int port() {
    return port;
  }

  String node() {
    return node;
  }

  private void awaitAmqp() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("RabbitMQ node " + node + " exited with " + process.exitValue() + "; see "
            + dir.resolve("server.out"));
      }
      if (answersAmqp(port)) {
        return;
      }
      process.waitFor(500, TimeUnit.MILLISECONDS);
    }
    throw new IOException("RabbitMQ node " + node + " did not answer AMQP on " + port + " within " + BOOT_TIMEOUT
        + "; see " + dir.resolve("server.out"));
  }

  /** Whether a broker answers the AMQP 0-9-1 header with a method frame (connection.start) on the port. */
  static boolean answersAmqp(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
      out.flush();
      InputStream in = s.getInputStream();
      return in.read() == 1; // frame type 1: a method frame
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM stops the node gracefully (the script forwards it to the VM); kill -9 after 60 s. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> vm = process.descendants().toList(); // before the script exits and orphans them
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      vm.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
