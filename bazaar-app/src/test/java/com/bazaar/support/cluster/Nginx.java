package com.bazaar.support.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx as a child process ({@code daemon off}) with a config generated from
 * deploy/nginx/bazaar.conf.template, the same template bin/cluster uses. Public for tests of the
 * edge itself, over upstream ports of their own ({@link #overPorts}).
 */
public final class Nginx {
  private static final Path TEMPLATE = Paths.get("..", "deploy", "nginx", "bazaar.conf.template");
  private final Process process;
  private final int port;
  private final int statusPort;

  private Nginx(Process process, int port, int statusPort) {
    this.process = process;
    this.port = port;
    this.statusPort = statusPort;
  }

  public int port() {
    return port;
  }

  /** The loopback port of nginx's stub_status (for prometheus-nginx-exporter). */
  int statusPort() {
    return statusPort;
  }

  static Nginx start(Path prefix, int port, int statusPort, List<Node> nodes) throws IOException {
    return overPorts(prefix, port, statusPort, nodes.stream().map(Node::port).toList());
  }

  /** nginx on {@code port} in front of whatever listens (or not) on {@code upstreamPorts}. */
  public static Nginx overPorts(Path prefix, int port, int statusPort, List<Integer> upstreamPorts) throws IOException {
    for (String sub : List.of("tmp", "cache", "logs")) {
      Path path = Files.createDirectories(prefix.resolve(sub));
      // nginx workers run as an unprivileged user when the tests run as root.
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    String servers = upstreamPorts.stream()
        .map(upstream -> "    server 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=2s;")
        .collect(Collectors.joining("\n"));
    String config = Files.readString(TEMPLATE, StandardCharsets.UTF_8)
        .replace("@@PREFIX@@", prefix.toString())
        .replace("@@PORT@@", String.valueOf(port))
        .replace("@@STATUS_PORT@@", String.valueOf(statusPort))
        .replace("@@SERVERS@@", servers)
        .replace("@@DAEMON@@", "off");
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, config, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", conf.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("nginx.out").toFile()))
        .start();
    Nginx nginx = new Nginx(process, port, statusPort);
    ClusterHarness.awaitUntil(Duration.ofSeconds(30), "nginx on port " + port, () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited: " + ClusterHarness.tail(prefix.resolve("error.log"), 20)
            + ClusterHarness.tail(prefix.resolve("nginx.out"), 20));
      }
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return true;
      }
    });
    return nginx;
  }

  public void stop() {
    process.destroy(); // SIGTERM: nginx's fast shutdown
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
