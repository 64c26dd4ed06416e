package com.bazaar.platform.events.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bazaar.support.ApiClient;
import com.bazaar.support.Trades;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The broker dies mid-flow: orders keep being placed and paid (the outbox holds their
 * events), and once RabbitMQ is back every event reaches its consumers exactly once in
 * effect: one notification per order and step, sales counted once per paid order.
 * Stops and restarts the shared local broker's app, as root, always restarting it.
 */
class BrokerOutageTest extends RabbitBusTestBase {
  private static final int ORDERS = 8;

  @Autowired JdbcClient jdbc;

  @Test
  void eventsRaisedWhileTheBrokerIsDownAreAllDeliveredOnceItIsBack() throws Exception {
    assumeTrue(rabbitmqctl("status"), "needs rabbitmqctl on this machine, as root");
    long stove = items.create("Outage stove", 5000, 100);
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      shoppers.add(newShopper());
    }

    try {
      assertThat(rabbitmqctl("stop_app")).isTrue();
      for (ApiClient shopper : shoppers) {
        Trades.pay(shopper, Trades.place(shopper, stove, 2));
      }
      assertThat(openPublications()).as("the outbox holds what the broker could not take").isPositive();
    } finally {
      assertThat(rabbitmqctl("start_app")).as("RabbitMQ restarted").isTrue();
    }

    Duration patience = Duration.ofSeconds(90);
    await().atMost(patience).until(() -> Trades.sold(anonymous(), stove) == 2L * ORDERS);
    for (ApiClient shopper : shoppers) {
      await().atMost(patience).until(() -> inboxSize(shopper) == 2);
    }
    await().atMost(patience).until(() -> openPublications() == 0
        && messagesIn(queueOf("sales.order-paid")) == 0
        && messagesIn(queueOf("notification.order-placed")) == 0
        && messagesIn(queueOf("notification.order-paid")) == 0);

    // Everything is delivered and nothing is left to deliver: the figures are final.
    assertThat(Trades.sold(anonymous(), stove)).isEqualTo(2L * ORDERS);
    assertThat(shoppers).allSatisfy(shopper -> assertThat(inboxSize(shopper)).isEqualTo(2));
  }

  private long openPublications() {
    return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single();
  }

  private static long inboxSize(ApiClient shopper) {
    return shopper.get("/api/notifications").json().get("totalElements").asLong();
  }

  private static boolean rabbitmqctl(String command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("rabbitmqctl", "-q", command).inheritIO().start();
    } catch (IOException notInstalled) {
      return false;
    }
    return process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
