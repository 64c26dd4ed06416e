package com.bazaar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening ports for the processes a test starts (app nodes, nginx, a RabbitMQ node), taken
 * below Linux's ephemeral range (32768–60999). A port from that range ({@code new
 * ServerSocket(0)}) is free only until the process binds it — seconds later for a booting
 * JVM — and free again after a node is killed until it restarts on it; meanwhile any outgoing
 * connection on the machine may get it as its local port, and the node then fails with
 * "address already in use". Ports below the range are never handed out that way. The range
 * starts above 20000, clear of the fixed ports the project's services and developers use
 * (3306–3308, 5432, 5672, 6379, 8000, 8080, 15672, 18100–18999), and skips RabbitMQ's 25672.
 */
public final class FreePorts {
  private static final int FIRST = 20_000;
  private static final int LAST = 32_767;
  private static final Set<Integer> TAKEN_BY_SERVICES = Set.of(25_672);
  /**
   * Every port handed out in this JVM: a harness picks all its nodes' ports before the first
   * node binds one, so "nothing listens on it" alone once gave two nodes the same port (the
   * second node's health check then reached the first node and the tests began without it).
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A random port of the range that nothing listens on right now and no caller in this JVM was given. */
  public static int pick() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      if (!TAKEN_BY_SERVICES.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(new IOException("no free port in " + FIRST + "-" + LAST));
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
