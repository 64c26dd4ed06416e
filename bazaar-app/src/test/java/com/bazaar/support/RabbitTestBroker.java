package com.bazaar.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shared RabbitMQ at 127.0.0.1:5672 (bin/rabbitmq-up starts it for bin/test). A test
 * whose nodes declare queues and exchanges under a per-run prefix deletes them here when it
 * ends, so runs do not pile up on the broker. The names are listed with {@code rabbitmqctl}
 * (root, as in bin/test) and deleted over AMQP.
 */
public final class RabbitTestBroker {
  private RabbitTestBroker() {}

  /** Deletes every queue and exchange whose name starts with one of the prefixes; best effort. */
  public static void deleteQueuesAndExchangesStartingWith(String... prefixes) {
    try {
      List<String> queues = matching(list("list_queues"), prefixes);
      List<String> exchanges = matching(list("list_exchanges"), prefixes);
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost("127.0.0.1");
      factory.setPort(5672);
      try (Connection connection = factory.newConnection("test-cleanup");
          Channel channel = connection.createChannel()) {
        for (String queue : queues) {
          channel.queueDelete(queue);
        }
        for (String exchange : exchanges) {
          channel.exchangeDelete(exchange);
        }
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      System.err.println("RabbitTestBroker: could not delete " + List.of(prefixes) + "*: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> matching(List<String> names, String... prefixes) {
    return names.stream().filter(name -> List.of(prefixes).stream().anyMatch(name::startsWith)).toList();
  }

  private static List<String> list(String what) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("rabbitmqctl", "-q", what, "name", "--no-table-headers")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("rabbitmqctl " + what + " failed");
    }
    return out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
