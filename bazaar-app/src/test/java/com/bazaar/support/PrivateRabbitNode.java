package com.bazaar.support;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of its own for a test that breaks its broker (stops it, restarts it): the
 * shared broker on 5672 stays up for every other test and process. Started from the
 * {@code rabbitmq-server} Debian package as a second node ({@code RABBITMQ_NODENAME}) on free
 * AMQP and distribution ports ({@link FreePorts}), with its own config, cookie, mnesia and log
 * directories under {@code target/rabbitmq-<id>}, no plugins, and torn down by {@link #close()}.
 */
public final class PrivateRabbitNode implements AutoCloseable {
  private static final Path SERVER = Paths.get("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final Path CTL = Paths.get("/usr/lib/rabbitmq/bin/rabbitmqctl");
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);

  private final String node;
  private final int port;
  private final Path dir;
  private final Map<String, String> environment;
  private final Process process;

  private PrivateRabbitNode(String node, int port, Path dir, Map<String, String> environment, Process process) {
    this.node = node;
    this.port = port;
    this.dir = dir;
    this.environment = environment;
    this.process = process;
  }

  /** Whether this machine has the Debian package's scripts (bin/rabbitmq-up installs it). */
  public static boolean available() {
    return Files.isExecutable(SERVER) && Files.isExecutable(CTL);
  }

  /** Starts the node and waits until it accepts AMQP connections (guest/guest from localhost). */
  public static PrivateRabbitNode start() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Path dir = Paths.get("target", "rabbitmq-" + id).toAbsolutePath();
    int port = FreePorts.pick();
    try {
      Files.createDirectories(dir.resolve("home"));
      Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:" + port + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("enabled_plugins"), "[].\n", StandardCharsets.UTF_8);
      // Not the machine's /etc/rabbitmq/rabbitmq-env.conf: that one names the shared node.
      Files.writeString(dir.resolve("rabbitmq-env.conf"), "ERL_EPMD_ADDRESS=127.0.0.1\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String node = "bazaar-test-" + id + "@localhost";
    Map<String, String> environment = Map.of(
        "HOME", dir.resolve("home").toString(), // the Erlang cookie the node and rabbitmqctl share
        "RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString(),
        "RABBITMQ_NODENAME", node,
        "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
        "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
        "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
        "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
        "RABBITMQ_PID_FILE", dir.resolve("node.pid").toString(),
        "RABBITMQ_DIST_PORT", String.valueOf(FreePorts.pick()));
    try {
      ProcessBuilder builder = new ProcessBuilder(SERVER.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("server.out").toFile());
      builder.environment().putAll(environment);
      PrivateRabbitNode rabbit = new PrivateRabbitNode(node, port, dir, environment, builder.start());
      rabbit.awaitAmqp();
      return rabbit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code rabbitmqctl stop_app}: the broker refuses and drops every connection, the node stays. */
  public void stopApp() {
    ctl("stop_app");
  }

  /** {@code rabbitmqctl start_app}, then waits until AMQP connections are accepted again. */
  public void startApp() {
    ctl("start_app");
    awaitAmqp();
  }

  private void awaitAmqp() {
    await("RabbitMQ node " + node + " accepts AMQP on " + port).atMost(BOOT_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("RabbitMQ node " + node + " exited; see " + dir.resolve("server.out"));
          }
          return acceptsAmqp();
        });
  }

  private boolean acceptsAmqp() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setConnectionTimeout(2000);
    try (var connection = factory.newConnection("probe")) {
      return connection.isOpen();
    } catch (Exception notYet) {
      return false;
    }
  }

  private void ctl(String command) {
    List<String> line = new ArrayList<>(List.of(CTL.toString(), "-q", "-n", node, command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rabbitmqctl.out").toFile()));
    builder.environment().putAll(environment);
    try {
      Process ctl = builder.start();
      if (!ctl.waitFor(2, TimeUnit.MINUTES) || ctl.exitValue() != 0) {
        ctl.destroyForcibly();
        throw new IllegalStateException("rabbitmqctl " + command + " failed on " + node + "; see "
            + dir.resolve("rabbitmqctl.out"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM stops the node gracefully (the script forwards it to the VM); kill -9 after 60 s. */
  @Override
  public void close() {
    List<ProcessHandle> vm = process.descendants().toList(); // before the script exits and orphans them
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        vm.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vm.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
