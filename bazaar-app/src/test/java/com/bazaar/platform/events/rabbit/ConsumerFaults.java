package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.EventSubscription;
import com.bazaar.platform.web.TraceIdFilter;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ChannelProxy;

/**
 * The fault tests' hook between a consumer's commit and its acknowledgement. For watched
 * deliveries (a subscription and a text in the message body) it remembers the trace id
 * they ran under and whether the broker redelivered them; and it can kill the consumer's
 * channel there once, so the broker redelivers a message whose effect already committed.
 */
final class ConsumerFaults implements SubscriptionListener.AfterCommitHook {
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Set<String> toKill = ConcurrentHashMap.newKeySet();
  private final Set<String> redelivered = ConcurrentHashMap.newKeySet();
  private final Map<String, String> traceIds = new ConcurrentHashMap<>();

  void watch(String subscription, String bodyText) {
    watched.add(subscription + "|" + bodyText);
  }

  void killBeforeAck(String subscription, String bodyText) {
    watch(subscription, bodyText);
    toKill.add(subscription + "|" + bodyText);
  }

  boolean wasRedelivered(String subscription, String bodyText) {
    return redelivered.contains(subscription + "|" + bodyText);
  }

  String traceIdOf(String subscription, String bodyText) {
    return traceIds.get(subscription + "|" + bodyText);
  }

  @Override
  public void committed(EventSubscription<?> subscription, Message message, Channel channel) throws Exception {
    String body = new String(message.getBody(), StandardCharsets.UTF_8);
    for (String key : watched) {
      String text = key.substring(key.indexOf('|') + 1);
      if (!key.startsWith(subscription.name() + "|") || !body.contains(text)) {
        continue;
      }
      traceIds.putIfAbsent(key, String.valueOf(MDC.get(TraceIdFilter.MDC_KEY)));
      if (message.getMessageProperties().isRedelivered()) {
        redelivered.add(key);
      }
      if (toKill.remove(key)) {
        // The real channel, not the cache's proxy: the broker sees the consumer die unacknowledged.
        ((ChannelProxy) channel).getTargetChannel().close();
      }
    }
  }
}
