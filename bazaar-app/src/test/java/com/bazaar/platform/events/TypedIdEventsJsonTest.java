package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.inventory.StockChanged;
import com.bazaar.order.Order.OrderCancelled;
import com.bazaar.order.Order.OrderPaid;
import com.bazaar.order.Order.OrderPlaced;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.tracing.Traces;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events carry typed ids ({@link OrderId}, {@link UserId}, {@link ItemId}) but keep the JSON of
 * the bare longs they replaced: outbox rows and bus messages written by an older version (a
 * rolling deploy, a row waiting for a retry) still read, and a newer row reads on an older node.
 */
class TypedIdEventsJsonTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private final TracedEventSerializer outbox = new TracedEventSerializer(json, noTraces(), new EventTraceContexts());

  @Test
  void orderEventsAreWrittenWithTheIdsAsBareNumbers() {
    assertThat(outbox.serialize(new OrderPaid(OrderId.of(4242), UserId.of(4343))))
        .hasToString("{\"orderId\":4242,\"buyerId\":4343}");
    assertThat(outbox.serialize(new ItemChanged(ItemId.of(7)))).hasToString("{\"itemId\":7}");
    assertThat(json.writeValueAsString(new StockChanged(ItemId.of(8)))).isEqualTo("{\"itemId\":8}");
  }

  @Test
  void anOutboxRowWrittenBeforeTypedIdsReadsBack() {
    String traceparent = "00-6b0db0f3f10372a4904a532c880f30be-8402a0e4c44daa7e-01";
    assertThat(outbox.deserialize(
            "{\"orderId\":4242,\"buyerId\":4343,\"@trace\":{\"traceparent\":\"" + traceparent + "\"}}", OrderPaid.class))
        .isEqualTo(new OrderPaid(OrderId.of(4242), UserId.of(4343)));
    assertThat(outbox.deserialize("{\"orderId\":1,\"buyerId\":2}", OrderPlaced.class))
        .isEqualTo(new OrderPlaced(OrderId.of(1), UserId.of(2)));
    assertThat(outbox.deserialize("{\"orderId\":3,\"buyerId\":4}", OrderCancelled.class))
        .isEqualTo(new OrderCancelled(OrderId.of(3), UserId.of(4)));
    assertThat(outbox.deserialize("{\"itemId\":7}", ItemChanged.class)).isEqualTo(new ItemChanged(ItemId.of(7)));
  }

  @Test
  void aBusMessageWrittenBeforeTypedIdsReadsBack() {
    // SubscriptionListener reads RabbitMQ bodies with the plain mapper
    assertThat(json.readValue("{\"orderId\":4242,\"buyerId\":4343}", OrderPaid.class))
        .isEqualTo(new OrderPaid(OrderId.of(4242), UserId.of(4343)));
  }

  @Test
  void anIdPrintsAsItsNumberSoDedupKeysAndMessagesReadAsBefore() {
    assertThat("OrderPaid:" + new OrderPaid(OrderId.of(4242), UserId.of(4343)).orderId()).isEqualTo("OrderPaid:4242");
  }

  private static Traces noTraces() {
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    return new Traces(none.getBeanProvider(Tracer.class), none.getBeanProvider(Propagator.class));
  }
}
