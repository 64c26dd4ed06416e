package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A ZooKeeper of one test's own, for tests that stop the registry: {@code bin/zookeeper} on a free
 * port and a directory of its own ({@code BAZAAR_ZOOKEEPER_PORT}, {@code BAZAAR_ZOOKEEPER_DIR}),
 * so the shared one on 2181 ({@link ZooKeeperServer}) keeps serving the other tests. {@link
 * #stop()} is the script's stop, which also deletes the data: started again, the registry is
 * empty and every instance must register anew. {@link #close()} stops it for good. What the
 * script prints goes to {@code target/private-zookeeper-<port>.log}: a forked test JVM's own
 * output is the build tool's channel.
 */
public final class PrivateZooKeeper implements AutoCloseable {
  private final int port = FreePorts.pick();
  private final Path dir;

  private PrivateZooKeeper() throws IOException {
    dir = Files.createTempDirectory("bazaar-zookeeper-it-");
  }

  /** Starts one; fails the test if it does not answer. */
  public static PrivateZooKeeper start() throws IOException {
    PrivateZooKeeper zooKeeper = new PrivateZooKeeper();
    zooKeeper.startAgain();
    return zooKeeper;
  }

  public String connectString() {
    return "127.0.0.1:" + port;
  }

  /** Starts it (again) on the same port: bin/zookeeper start waits until it answers. */
  public void startAgain() {
    assertThat(run("start")).as("bin/zookeeper start on port " + port + ", see " + log()).isZero();
  }

  /** Stops it (SIGTERM, waits for the process to end) and deletes its data. */
  public void stop() {
    assertThat(run("stop")).as("bin/zookeeper stop on port " + port + ", see " + log()).isZero();
  }

  @Override
  public void close() {
    run("stop");
  }

  private int run(String command) {
    ProcessBuilder script = new ProcessBuilder(script().toString(), command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    script.environment().putAll(Map.of("BAZAAR_ZOOKEEPER_PORT", String.valueOf(port), "BAZAAR_ZOOKEEPER_DIR",
        dir.toString()));
    try {
      return script.start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while bin/zookeeper " + command + " ran", e);
    }
  }

  private Path log() {
    return Path.of("target", "private-zookeeper-" + port + ".log").toAbsolutePath();
  }

  private static Path script() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isExecutable(root.resolve("bin/zookeeper"))) {
      root = root.getParent();
    }
    return root.resolve("bin/zookeeper");
  }
}
