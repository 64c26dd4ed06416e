package com.bazaar.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * One deployment of the evolution: what it adds to the one before, what it needs on this machine,
 * and how to bring it up. A baseline is the naive variant the stages are compared against.
 */
public record Stage(String id, String title, String adds, boolean baseline, List<Need> needs, Launcher launcher) {

  /** Brings the stage up; the deployment answers where to send the load and which databases to audit. */
  public interface Launcher {
    Deployment launch(Evolution.Context context) throws IOException, InterruptedException;
  }

  /** A running deployment. */
  public interface Deployment extends AutoCloseable {
    URI target();

    List<String> auditDbs();

    /** The hosts it runs in (the run accounts their CPU); none outside the host layer. */
    default List<com.bazaar.bench.host.Host> hosts() {
      return List.of();
    }

    @Override
    void close() throws IOException, InterruptedException;
  }

  /** Something the stage needs; {@code missing} says what is missing, or nothing when it is there. */
  public interface Need {
    Optional<String> missing(Evolution.Context context);

    /** The MariaDB server the evolution was pointed at. */
    static Need mariaDb() {
      return context -> server("MariaDB", context.mariaDbHost(), context.mariaDbPort()).missing(context);
    }

    /** A server answering on a TCP port. */
    static Need server(String name, String host, int port) {
      return context -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(host, port), 1000);
          return Optional.empty();
        } catch (IOException e) {
          return Optional.of(name + " does not answer on " + host + ":" + port);
        }
      };
    }

    /** A Spring profile the app jar ships ({@code application-<name>.yaml}). */
    static Need profile(String name) {
      return context -> {
        try (ZipFile jar = new ZipFile(context.appJar().toFile())) {
          return jar.getEntry("BOOT-INF/classes/application-" + name + ".yaml") != null
              ? Optional.empty()
              : Optional.of("the app has no '" + name + "' profile yet");
        } catch (IOException e) {
          return Optional.of("cannot read " + context.appJar() + ": " + e.getMessage());
        }
      };
    }

    /** A script of the repository, e.g. {@code bin/cluster}. */
    static Need script(String path) {
      return context -> context.repo().resolve(path).toFile().canExecute()
          ? Optional.empty()
          : Optional.of(Path.of(path) + " is not in this checkout");
    }
  }
}
