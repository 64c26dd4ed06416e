package com.bazaar.support.cluster;

import com.bazaar.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/** One application process of a {@link ClusterHarness}: a port, a data dir, a log file. */
public final class Node {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int index;
  private final int port;
  /** The loopback port where the node serves its meters (bazaar.metrics.port). */
  private final int metricsPort = FreePorts.pick();
  private final Path dataDir;
  private final List<String> command;
  private Process process;

  Node(int index, int port, Path dataDir, List<String> command) {
    this.index = index;
    this.port = port;
    this.dataDir = dataDir;
    this.command = command;
  }

  public int index() {
    return index;
  }

  public int port() {
    return port;
  }

  public int metricsPort() {
    return metricsPort;
  }

  public Path log() {
    return dataDir.resolveSibling("node-" + index + ".log");
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  void start() {
    if (alive()) {
      throw new IllegalStateException("node " + index + " already runs");
    }
    try {
      Files.createDirectories(dataDir);
      List<String> withPort = new java.util.ArrayList<>(command);
      withPort.add("--server.port=" + port);
      withPort.add("--bazaar.metrics.port=" + metricsPort);
      process = new ProcessBuilder(withPort)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL (Process.destroyForcibly on Linux), then waits for the process to be gone. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void awaitHealthy(Duration timeout) {
    try {
      ClusterHarness.awaitUntil(timeout, "node " + index + " healthy on port " + port, () -> {
        if (!alive()) {
          throw new IllegalStateException("node " + index + " exited with " + process.exitValue());
        }
        return healthy();
      });
    } catch (ConditionTimeoutException | IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "\n--- log tail of node " + index + ":\n"
          + ClusterHarness.tail(log(), 60), e);
    }
  }

  public boolean healthy() {
    try {
      HttpResponse<Void> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** How many requests this node has served for a URI template, from its Micrometer metrics. */
  public long requestsServed(String uriTemplate) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                  + "/actuator/metrics/http.server.requests?tag=uri:" + uriTemplate.replace("{", "%7B").replace("}", "%7D")))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return 0; // no such request served yet
      }
      var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
      for (var measurement : json.path("measurements")) {
        if ("COUNT".equals(measurement.path("statistic").asString())) {
          return (long) measurement.path("value").asDouble();
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
