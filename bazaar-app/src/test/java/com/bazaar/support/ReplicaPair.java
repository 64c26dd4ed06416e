package com.bazaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The MariaDB primary/replica pair that {@code bin/replica} runs for the read/write splitting
 * tests (bin/test starts it). Shared by every test on the machine: a test may hold or stop the
 * replica for a moment, never the pair.
 */
public final class ReplicaPair {
  public static final int PRIMARY_PORT =
      Integer.parseInt(System.getenv().getOrDefault("BAZAAR_REPLICA_PRIMARY_PORT", "3307"));
  public static final int REPLICA_PORT =
      Integer.parseInt(System.getenv().getOrDefault("BAZAAR_REPLICA_REPLICA_PORT", "3308"));

  private ReplicaPair() {}

  /** Starts whichever of the two is down (idempotent). */
  public static void start() throws IOException, InterruptedException {
    script("start");
  }

  /** Runs {@code bin/replica} with these arguments, e.g. {@code stop replica}; fails the test if it fails. */
  public static void script(String... arguments) throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isExecutable(root.resolve("bin/replica"))) {
      root = root.getParent();
    }
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/replica").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor()).as("bin/replica %s", String.join(" ", arguments)).isZero();
  }

  public static Connection connect(int port, String database) throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, "root", "");
  }
}
