package com.bazaar.platform.events.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bazaar.support.ApiClient;
import com.bazaar.support.PrivateRabbitNode;
import com.bazaar.support.Trades;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker dies mid-flow: orders keep being placed and paid (the outbox holds their
 * events), and once RabbitMQ is back every event reaches its consumers exactly once in
 * effect: one notification per order and step, sales counted once per paid order.
 * The broker is a RabbitMQ node of this test's own ({@link PrivateRabbitNode}, started with the
 * context, torn down after the class): stopping it breaks no other test or process using the
 * shared broker on 5672.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its broker is gone after the class
class BrokerOutageTest extends RabbitBusTestBase {
  private static final int ORDERS = 8;
  private static PrivateRabbitNode broker;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void needsRabbitmqServer() {
    assumeTrue(PrivateRabbitNode.available(), "needs the rabbitmq-server package (bin/rabbitmq-up installs it)");
  }

  /** Runs when the context is built: the node must answer before the app connects. */
  @DynamicPropertySource
  static void ownBroker(DynamicPropertyRegistry registry) {
    if (broker == null) {
      broker = PrivateRabbitNode.start();
    }
    registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
    registry.add("spring.rabbitmq.port", broker::port);
  }

  @AfterAll
  static void stopOwnBroker() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  @Test
  void eventsRaisedWhileTheBrokerIsDownAreAllDeliveredOnceItIsBack() throws Exception {
    long stove = items.create("Outage stove", 5000, 100);
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      shoppers.add(newShopper());
    }

    try {
      broker.stopApp();
      for (ApiClient shopper : shoppers) {
        Trades.pay(shopper, Trades.place(shopper, stove, 2));
      }
      assertThat(openPublications()).as("the outbox holds what the broker could not take").isPositive();
    } finally {
      broker.startApp();
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
}
