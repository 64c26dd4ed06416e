package com.bazaar.platform.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The trace context each outbox event was recorded under, by event instance: filled when the
 * event is written to its publication row (the publishing request's context) and when a row is
 * read back for a retry (the context stored in the row), read by the bus when it relays the
 * event. Weak identity keys: an entry lives as long as the event object.
 */
@Component
public final class EventTraceContexts {
  private final Cache<Object, Map<String, String>> contexts = Caffeine.newBuilder().weakKeys().build();

  void remember(Object event, Map<String, String> context) {
    if (!context.isEmpty()) {
      contexts.put(event, Map.copyOf(context));
    }
  }

  /** The context the event was recorded under; empty if none is known. */
  public Map<String, String> of(Object event) {
    Map<String, String> context = contexts.getIfPresent(event);
    return context == null ? Map.of() : context;
  }
}
