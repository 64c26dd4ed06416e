package com.bazaar.platform.cache;

import java.util.List;
import org.springframework.core.ResolvableType;

/**
 * What one named cache holds, declared (as a bean) by the module that owns the cache. The
 * shared level in Redis stores the values as JSON of this type ({@link JsonCacheValues}), which
 * every version of the code can read or knowingly skip, instead of JDK serialization, which
 * breaks on any change of a class.
 */
public record CachedValueType(String cache, ResolvableType type) {

  public static CachedValueType of(String cache, Class<?> type) {
    return new CachedValueType(cache, ResolvableType.forClass(type));
  }

  public static CachedValueType listOf(String cache, Class<?> element) {
    return new CachedValueType(cache, ResolvableType.forClassWithGenerics(List.class, element));
  }
}
