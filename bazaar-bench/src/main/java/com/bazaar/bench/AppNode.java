package com.bazaar.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** One Bazaar node as a child process: {@code java -jar bazaar.jar} on a free port, healthy before it is used. */
public final class AppNode implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final URI base;

  private AppNode(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts the jar with the given Spring arguments ({@code --name=value}) and waits until it answers UP. */
  public static AppNode start(Path jar, List<String> arguments, Path log, Duration timeout)
      throws IOException, InterruptedException {
    return start(jar, List.of(), arguments, UnaryOperator.identity(), freePort(), log, timeout);
  }

  /**
   * Starts the jar with extra JVM options on the given port, its command line passed through
   * {@code launcher} (e.g. {@link com.bazaar.bench.host.Host#wrap}, which starts it inside a host).
   */
  public static AppNode start(Path jar, List<String> jvmOptions, List<String> arguments,
                              UnaryOperator<List<String>> launcher, int port, Path log, Duration timeout)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar.toAbsolutePath().normalize() + " is missing: package the app first "
          + "(mvn -B -DskipTests -pl bazaar-app package, or run mvn verify from the root)");
    }
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(launcher.apply(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AppNode node = new AppNode(process, log, URI.create("http://127.0.0.1:" + port));
    try {
      node.awaitHealthy(timeout);
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  public URI base() {
    return base;
  }

  public Path log() {
    return log;
  }

  /** Polls the health endpoint until it says UP; fails fast if the process dies. */
  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the app exited with " + process.exitValue() + " before it was healthy; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      process.waitFor(250, TimeUnit.MILLISECONDS); // returns early if it dies
    }
    throw new IOException(base + " was not healthy within " + timeout + "; see " + log.toAbsolutePath());
  }

  /** Stops the node gracefully, forcibly if it does not stop within 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
