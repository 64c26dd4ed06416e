package com.bazaar.platform.events;

import com.bazaar.platform.tracing.Traces;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes outbox events as JSON (what Spring Modulith's own serializer does) plus the trace
 * context of the transaction that recorded them, under {@value #TRACE_FIELD}. A relay that
 * happens later, after a retry or on another node after a restart, still continues the trace
 * of the request that wrote the row. Rows written without the field read as before.
 */
@Component
final class TracedEventSerializer implements EventSerializer {
  static final String TRACE_FIELD = "@trace";

  private final JsonMapper json;
  private final Traces traces;
  private final EventTraceContexts contexts;

  TracedEventSerializer(JsonMapper json, Traces traces, EventTraceContexts contexts) {
    this.json = json;
    this.traces = traces;
    this.contexts = contexts;
  }

  @Override
  public Object serialize(Object event) {
    JsonNode tree = json.valueToTree(event);
    Map<String, String> context = traces.current();
    contexts.remember(event, context);
    if (tree instanceof ObjectNode object && !context.isEmpty()) {
      object.set(TRACE_FIELD, json.valueToTree(context));
    }
    return json.writeValueAsString(tree);
  }

  @Override
  public <T> T deserialize(Object serialized, Class<T> type) {
    JsonNode tree = json.readTree(serialized.toString());
    Map<String, String> context = new LinkedHashMap<>();
    if (tree instanceof ObjectNode object && object.has(TRACE_FIELD)) {
      object.remove(TRACE_FIELD).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    }
    T event = json.treeToValue(tree, type);
    contexts.remember(event, context);
    return event;
  }
}
