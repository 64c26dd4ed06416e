package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.events.EventDeliveries;
import com.bazaar.platform.events.EventSubscription;
import com.rabbitmq.client.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one subscription's queue. The container acknowledges a message only after this
 * returns, that is after the handler's transaction committed; a consumer that dies between
 * the two gets the message redelivered and the handler's idempotency makes that harmless.
 * The container's observation (RabbitSubscribers turns it on) continues the publisher's trace
 * from the message's {@code traceparent} header, so the handler runs, and logs, in that trace.
 */
final class SubscriptionListener implements ChannelAwareMessageListener {
  private final EventSubscription<?> subscription;
  private final EventDeliveries deliveries;
  private final JsonMapper json;
  private final AfterCommitHook afterCommit;

  SubscriptionListener(
      EventSubscription<?> subscription, EventDeliveries deliveries, JsonMapper json, AfterCommitHook afterCommit) {
    this.subscription = subscription;
    this.deliveries = deliveries;
    this.json = json;
    this.afterCommit = afterCommit;
  }

  @Override
  public void onMessage(Message message, @Nullable Channel channel) throws Exception {
    BusEvent event = json.readValue(message.getBody(), subscription.eventType());
    deliveries.deliver(subscription, event);
    afterCommit.committed(subscription, message, channel);
  }

  /**
   * Runs after the effect committed and before the acknowledgement: nothing in production;
   * the fault tests use it to kill a consumer in exactly that window.
   */
  @FunctionalInterface
  interface AfterCommitHook {
    AfterCommitHook NONE = (subscription, message, channel) -> {};

    void committed(EventSubscription<?> subscription, Message message, @Nullable Channel channel) throws Exception;
  }
}
