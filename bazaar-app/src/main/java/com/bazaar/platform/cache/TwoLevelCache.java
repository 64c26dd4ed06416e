package com.bazaar.platform.cache;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;

/**
 * One named cache on two levels: this node's Caffeine ({@code local}) in front of Redis
 * ({@code shared}, one copy for all nodes). A miss on both loads once per node: the local
 * level computes one value per key at a time and the load goes through the shared level,
 * which itself stores what the first node loaded for the others.
 *
 * <p>Local keys are the string form of the key (as in Redis), so an invalidation message,
 * which carries the key as text, evicts the same entry on every node.
 */
final class TwoLevelCache implements Cache {
  private final Cache local;
  private final Cache shared;
  private final CacheInvalidations invalidations;
  private final CacheLevelMeters meters;

  TwoLevelCache(Cache local, Cache shared, CacheInvalidations invalidations, CacheLevelMeters meters) {
    this.local = local;
    this.shared = shared;
    this.invalidations = invalidations;
    this.meters = meters;
  }

  @Override
  public String getName() {
    return shared.getName();
  }

  @Override
  public Object getNativeCache() {
    return shared.getNativeCache();
  }

  @Override
  public @Nullable ValueWrapper get(Object key) {
    ValueWrapper found = local.get(localKey(key));
    if (found != null) {
      meters.local();
      return found;
    }
    found = shared.get(key);
    if (found != null) {
      meters.shared();
    } else {
      meters.miss();
    }
    return found;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
    ValueWrapper found = get(key);
    return found == null ? null : (T) found.get();
  }

  /** The local load blocks an eviction of the same key until it is stored, so no old value outlives it. */
  @Override
  public <T> @Nullable T get(Object key, Callable<T> loader) {
    boolean[] fromBelow = {false};
    T value = local.get(localKey(key), () -> {
      fromBelow[0] = true;
      return sharedOrLoad(key, loader);
    });
    if (!fromBelow[0]) {
      meters.local();
    }
    return value;
  }

  /**
   * Not {@code shared.get(key, loader)}: that fixes the Redis TTL before the value is known,
   * and the TTL depends on it (short for "absent").
   */
  @SuppressWarnings("unchecked")
  private <T> @Nullable T sharedOrLoad(Object key, Callable<T> loader) throws Exception {
    ValueWrapper found = shared.get(key);
    if (found != null) {
      meters.shared();
      return (T) found.get();
    }
    meters.miss();
    T loaded = loader.call();
    shared.put(key, loaded);
    return loaded;
  }

  @Override
  public void put(Object key, @Nullable Object value) {
    shared.put(key, value);
    local.evict(localKey(key));
    invalidations.publish(getName(), localKey(key));
  }

  @Override
  public void evict(Object key) {
    shared.evict(key);
    evictLocal(localKey(key));
    invalidations.publish(getName(), localKey(key));
    invalidations.evictAgainLater(getName(), () -> shared.evict(key), localKey(key));
  }

  @Override
  public void clear() {
    shared.clear();
    clearLocal();
    invalidations.publishClear(getName());
    invalidations.clearAgainLater(getName(), shared::clear);
  }

  void evictLocal(String key) {
    local.evict(key);
  }

  void clearLocal() {
    local.clear();
  }

  private static String localKey(Object key) {
    return String.valueOf(key);
  }
}
