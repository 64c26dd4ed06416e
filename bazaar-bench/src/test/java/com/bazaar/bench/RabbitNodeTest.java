package com.bazaar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The private RabbitMQ node's command environment and files: everything its own, nothing the shared node's. */
class RabbitNodeTest {

  @Test
  void everyFileTheNodeReadsOrWritesIsUnderItsOwnDirectoryOnItsOwnPorts() {
    Path dir = Path.of("/runs/flash-queued/rabbitmq-flash-queued-rabbit");
    String node = RabbitNode.nodeName("flash-queued-rabbit");
    Map<String, String> env = RabbitNode.environment(node, dir, 25690, 25691, 1);

    assertThat(node).isEqualTo("bazaar-flash-queued-rabbit@localhost");
    assertThat(env).containsEntry("RABBITMQ_NODENAME", node)
        .containsEntry("RABBITMQ_NODE_PORT", "25690")
        .containsEntry("RABBITMQ_DIST_PORT", "25691")
        .containsEntry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
        .containsEntry("HOME", dir.resolve("home").toString())
        .containsEntry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString())
        .containsEntry("RABBITMQ_LOG_BASE", dir.resolve("log").toString())
        .containsEntry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString())
        .containsEntry("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString())
        .containsEntry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString())
        .containsEntry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+S 1:1 +sbwt none +sbwtdcpu none +sbwtdio none");
    // every path it is given is its own: none points at /etc/rabbitmq or /var/lib/rabbitmq
    env.forEach((k, v) -> {
      if (v.startsWith("/")) {
        assertThat(v).as(k).startsWith(dir + "/");
      }
    });
    assertThat(RabbitNode.files(25690)).containsEntry("rabbitmq.conf", "listeners.tcp.local = 127.0.0.1:25690\n")
        .containsEntry("enabled_plugins", "[].\n")
        .containsEntry("rabbitmq-env.conf", "ERL_EPMD_ADDRESS=127.0.0.1\n");
  }

  @Test
  void nodeNamesKeepToWhatErlangAccepts() {
    assertThat(RabbitNode.nodeName("bazaar-123/flash.queued rabbit")).isEqualTo("bazaar-bazaar-123-flash-queued-rabbit@localhost");
  }

  @Test
  void onlyABrokerAnsweringTheAmqpHeaderCountsAsUp() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answerer = new Thread(() -> {
        try (Socket s = silent.accept()) {
          s.getInputStream().readNBytes(8);
          s.getOutputStream().write(new byte[] {'H', 'T', 'T', 'P'}); // not a method frame
        } catch (IOException ignored) {
          // the probe gave up
        }
      });
      answerer.start();
      assertThat(RabbitNode.answersAmqp(silent.getLocalPort())).isFalse();
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertThat(RabbitNode.answersAmqp(closed)).isFalse();
  }
}
