package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ZooKeeper that {@code bin/zookeeper} runs for the services tests (bin/test starts it; a test
 * starts it too when it is down: the script is idempotent). Shared: each test registers its
 * instances under a root of its own ({@code spring.cloud.zookeeper.discovery.root}), so tests
 * and leftovers never see each other's services.
 */
public final class ZooKeeperServer {
  public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("BAZAAR_ZOOKEEPER_PORT", "2181"));

  private ZooKeeperServer() {}

  /** Starts it unless it answers already; fails the test if it cannot. */
  public static void start() throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isExecutable(root.resolve("bin/zookeeper"))) {
      root = root.getParent();
    }
    Process process = new ProcessBuilder(root.resolve("bin/zookeeper").toString(), "start").inheritIO().start();
    assertThat(process.waitFor()).as("bin/zookeeper start").isZero();
  }

  public static String connectString() {
    return "127.0.0.1:" + PORT;
  }
}
