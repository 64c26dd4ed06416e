package com.bazaar.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.serializer.RedisSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of one cache's shared level as JSON of its {@link CachedValueType}. During a
 * rolling deploy nodes of two versions share Redis, so an entry may have been written by a
 * record of another shape:
 *
 * <ul>
 *   <li>a field this node does not know (a newer writer) is ignored: all this version needs is there;
 *   <li>a field this node needs and the entry lacks (an older writer), or anything else it cannot
 *       read (JDK-serialized bytes from before JSON, a value the record refuses), is a <em>miss</em>:
 *       the caller loads from the database and the entry is replaced by one this version wrote.
 *       Never an exception to the shopper, and never a made-up default for the missing field.
 * </ul>
 *
 * Spring's {@code NullValue} ("no such key") never reaches this serializer: {@code RedisCache}
 * stores it as a marker of its own.
 */
final class JsonCacheValues implements RedisSerializer<Object> {
  private static final Logger log = LoggerFactory.getLogger(JsonCacheValues.class);
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private final String cache;
  private final JavaType type;
  private final Counter unreadable;

  JsonCacheValues(CachedValueType declared, MeterRegistry meters) {
    this.cache = declared.cache();
    this.type = JSON.getTypeFactory().constructType(declared.type().getType());
    this.unreadable = Counter.builder("bazaar.cache.unreadable").tag("cache", cache)
        .description("shared cache entries this node could not read (another version's shape): treated as misses")
        .register(meters);
  }

  @Override
  public byte[] serialize(@Nullable Object value) {
    return JSON.writeValueAsBytes(value);
  }

  @Override
  public @Nullable Object deserialize(byte @Nullable [] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return JSON.readValue(bytes, type);
    } catch (RuntimeException otherShape) { // Jackson's, or the record's constructor refusing a value
      unreadable.increment();
      log.debug("unreadable entry in cache {} treated as a miss: {}", cache, otherShape.getMessage());
      return null;
    }
  }
}
