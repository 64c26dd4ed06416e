package com.bazaar.platform.events.rabbit;

import com.bazaar.platform.events.EventSubscription;
import com.bazaar.platform.web.RequestIdFilter;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ChannelProxy;

/**
 * The fault tests' hook between a consumer's commit and its acknowledgement. It remembers the
 * trace and request ids every delivery ran under (a test learns an order's id only once the order is
 * placed, and its message may be consumed before the test could watch for it); for watched
 * deliveries (a subscription and a text in the message body) whether the broker redelivered
 * them; and it can kill the consumer's channel there once, so the broker redelivers a message
 * whose effect already committed.
 */
final class ConsumerFaults implements SubscriptionListener.AfterCommitHook {
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Set<String> toKill = ConcurrentHashMap.newKeySet();
  private final Set<String> redelivered = ConcurrentHashMap.newKeySet();
  /** subscription|body → the request id (a client's X-Request-Id) of its first delivery. */
  private final Map<String, String> requestIds = new ConcurrentHashMap<>();
  /** subscription|body → the W3C trace id its first delivery ran in. */
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

  String requestIdOf(String subscription, String bodyText) {
    return firstOf(requestIds, subscription, bodyText);
  }

  String traceIdOf(String subscription, String bodyText) {
    return firstOf(traceIds, subscription, bodyText);
  }

  private static String firstOf(Map<String, String> ids, String subscription, String bodyText) {
    return ids.entrySet().stream()
        .filter(delivery -> delivery.getKey().startsWith(subscription + "|") && delivery.getKey().contains(bodyText))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  @Override
  public void committed(EventSubscription<?> subscription, Message message, Channel channel) throws Exception {
    String body = new String(message.getBody(), StandardCharsets.UTF_8);
    requestIds.putIfAbsent(subscription.name() + "|" + body, String.valueOf(MDC.get(RequestIdFilter.REQUEST_ID)));
    traceIds.putIfAbsent(subscription.name() + "|" + body, String.valueOf(MDC.get(RequestIdFilter.TRACE_ID)));
    for (String key : watched) {
      String text = key.substring(key.indexOf('|') + 1);
      if (!key.startsWith(subscription.name() + "|") || !body.contains(text)) {
        continue;
      }
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
