package com.bazaar.platform.events.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.Trades;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stage 11 on RabbitMQ: events relayed from the outbox reach their consumers, duplicates
 * change nothing, poison goes to the dead-letter queue, unpaid orders are cancelled by a
 * delayed message, and the trace (and a client's request id) travels with the message.
 */
class RabbitBusTest extends RabbitBusTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired RabbitTemplate rabbit;

  @Test
  void anOrderReachesTheInboxAndTheSalesCounterWithItsRequestId() {
    ApiClient shopper = newShopper();
    long lamp = items.create("Relayed lamp", 3000, 10);
    ApiClient.Answer placed = shopper.post("/api/orders",
        "{\"lines\":[{\"itemId\":\"" + lamp + "\",\"quantity\":2}]}", Map.of("X-Request-Id", "trace-relayed-lamp"));
    String orderId = placed.json().get("id").asString();
    faults.watch("notification.order-placed", orderId);
    Trades.pay(shopper, orderId);

    await().atMost(PATIENCE).until(() -> Trades.sold(anonymous(), lamp) == 2);
    await().atMost(PATIENCE).until(() -> shopper.get("/api/notifications").json().get("totalElements").asLong() == 2);
    assertThat(faults.requestIdOf("notification.order-placed", orderId)).isEqualTo("trace-relayed-lamp");
  }

  @Test
  void theConsumerRunsInTheTraceOfTheRequestThatWroteTheOutboxRow() {
    ApiClient shopper = newShopper();
    long lamp = items.create("Traced lamp", 3000, 10);
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    ApiClient.Answer placed = shopper.post("/api/orders",
        "{\"lines\":[{\"itemId\":\"" + lamp + "\",\"quantity\":1}]}",
        Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    assertThat(placed.header("X-Request-Id")).isEqualTo(traceId);
    String orderId = placed.json().get("id").asString();

    await().atMost(PATIENCE).until(() -> faults.traceIdOf("notification.order-placed", orderId) != null);
    assertThat(faults.traceIdOf("notification.order-placed", orderId)).isEqualTo(traceId);
  }

  @Test
  void aConsumerKilledAfterItsCommitAndBeforeItsAckGetsTheMessageAgainAndChangesNothing() {
    ApiClient shopper = newShopper();
    long lamp = items.create("Twice-delivered lamp", 3000, 10);
    String orderId = Trades.place(shopper, lamp, 3);
    faults.killBeforeAck("sales.order-paid", orderId);
    Trades.pay(shopper, orderId);

    await().atMost(PATIENCE).until(() -> faults.wasRedelivered("sales.order-paid", orderId));
    assertThat(Trades.sold(anonymous(), lamp)).isEqualTo(3);
    await().atMost(PATIENCE).until(() -> messagesIn(queueOf("sales.order-paid")) == 0);
    assertThat(Trades.sold(anonymous(), lamp)).isEqualTo(3);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueueAfterItsAttempts() {
    String salesQueue = queueOf("sales.order-paid");
    // Well-formed, but about an order nobody placed: the consumer fails every time.
    send("OrderPaid", "{\"orderId\":4242,\"buyerId\":4343}");
    // Not even JSON.
    send("OrderPaid", "certainly not json");

    await().atMost(PATIENCE).until(() -> messagesIn(salesQueue + ".dlq") == 2);
    Message dead = rabbit.receive(salesQueue + ".dlq", 5000);
    assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).contains("4242");
    assertThat(dead.getMessageProperties().getXDeathHeader()).isNotEmpty();
    assertThat(messagesIn(salesQueue)).isZero();
  }

  @Test
  void anUnpaidOrderIsCancelledByItsDelayedMessageAndAPaidOneIsLeftAlone() {
    ApiClient shopper = newShopper();
    long lamp = items.create("Forgotten lamp", 3000, 10);
    String unpaid = Trades.place(shopper, lamp, 4);
    String paid = Trades.place(shopper, lamp, 1);
    Trades.pay(shopper, paid);
    assertThat(items.stockOf(lamp)).isEqualTo(5);

    await().atMost(PATIENCE).until(() ->
        shopper.get("/api/orders/" + unpaid).json().get("status").asString().equals("CANCELLED"));
    assertThat(items.stockOf(lamp)).isEqualTo(9);
    String cancellations = queueOf("order.unpaid-cancellation");
    await().atMost(PATIENCE).until(() -> messagesIn(cancellations) == 0
        && messagesIn(topology.waitQueue(subscription("order.unpaid-cancellation"))) == 0);
    assertThat(shopper.get("/api/orders/" + paid).json().get("status").asString()).isEqualTo("PAID");
    assertThat(messagesIn(cancellations + ".dlq")).isZero();
  }

  @Test
  void healthReportsTheBroker() {
    var health = anonymous().get("/actuator/health").json();
    assertThat(health.get("components").get("rabbit").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void aChangedItemIsFoundThroughTheNodesOwnIndexQueue() {
    ApiClient admin = admin();
    String categoryId = admin.get("/api/categories").json().get(0).get("id").asString();
    admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "Zanzibar relay teapot", "description", "",
        "price", Map.of("amount", 1200, "currency", "CNY"), "stock", 3, "categoryId", categoryId)));

    await().atMost(PATIENCE).until(() ->
        anonymous().get("/api/search?q=zanzibar").json().get("totalElements").asLong() == 1);
  }

  private void send(String routingKey, String body) {
    MessageProperties properties = new MessageProperties();
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    rabbit.send(topology.eventsExchange(), routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
  }
}
