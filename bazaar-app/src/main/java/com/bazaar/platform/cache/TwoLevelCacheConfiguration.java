package com.bazaar.platform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Cluster cache: Caffeine on each node (L1) in front of Redis (L2), local copies dropped on
 * every node through {@link CacheInvalidations} when any node evicts. Values in Redis are JSON of
 * the type each cache's owner declares ({@link CachedValueType}, {@link JsonCacheValues}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.cache.type", havingValue = "two-level")
@EnableConfigurationProperties(CacheProperties.class)
class TwoLevelCacheConfiguration {

  @Bean(destroyMethod = "close")
  CacheInvalidations cacheInvalidations(StringRedisTemplate redis, CacheProperties properties) {
    return new CacheInvalidations(redis, properties.namespace(), properties.secondEvictionDelay());
  }

  @Bean
  CacheManager cacheManager(
      RedisConnectionFactory redis, CacheInvalidations invalidations, CacheProperties properties, MeterRegistry meters,
      ObjectProvider<CachedValueType> valueTypes) {
    return twoLevelCaches(redis, invalidations, properties, valueTypes.orderedStream().toList(), meters);
  }

  @Bean
  RedisMessageListenerContainer cacheInvalidationListener(
      RedisConnectionFactory redis, CacheInvalidations invalidations) {
    ExecutorService oneThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cache-invalidations");
      t.setDaemon(true);
      return t;
    });
    RedisMessageListenerContainer container = new RedisMessageListenerContainer() {
      @Override
      public void destroy() throws Exception {
        super.destroy();
        oneThread.shutdownNow();
      }
    };
    return invalidationListener(container, redis, invalidations, oneThread);
  }

  /**
   * A node's subscription to the invalidations, delivering them on the given executor. Without
   * one, Spring Data Redis hands each message to a {@code SimpleAsyncTaskExecutor}, which starts a
   * new thread per message: on every node, twice for each write of every node (the eviction and
   * its second), so the cost per request grew with the number of nodes. One thread keeps them
   * in order, too. Public to the package so a test can build two nodes in one JVM.
   */
  static RedisMessageListenerContainer invalidationListener(RedisMessageListenerContainer container,
      RedisConnectionFactory redis, CacheInvalidations invalidations, Executor delivery) {
    container.setConnectionFactory(redis);
    container.setTaskExecutor(delivery);
    container.addMessageListener(invalidations, new ChannelTopic(invalidations.channel()));
    return container;
  }

  /** The caches of one node; public to the package so a test can build two nodes in one JVM. */
  static CacheManager twoLevelCaches(
      RedisConnectionFactory redis, CacheInvalidations invalidations, CacheProperties properties,
      List<CachedValueType> valueTypes, MeterRegistry meters) {
    // Immediate writes: Spring Data Redis 4 otherwise sends a Lettuce cache's SET and DEL
    // asynchronously and returns before Redis has them, so the invalidation message (or the
    // next node's read) can overtake them: another node would reload an absent key, or read
    // the old value back from Redis after an eviction and keep it until the second eviction.
    RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
        .prefixCacheNameWith(properties.namespace() + ":")
        .entryTtl(new CacheTtl(properties.ttl(), properties.ttlJitter(), properties.absentTtl()));
    Map<String, RedisCacheConfiguration> jsonOfItsType = new LinkedHashMap<>();
    for (String name : properties.names()) {
      CachedValueType type = valueTypes.stream().filter(t -> t.cache().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("cache '" + name + "' declares no CachedValueType: its"
              + " shared level stores JSON of the type the owning module declares"));
      jsonOfItsType.put(name,
          defaults.serializeValuesWith(SerializationPair.fromSerializer(new JsonCacheValues(type, meters))));
    }
    // A clear (the listings cache's, after every item change) deletes the keys it finds by SCAN,
    // not by KEYS, which would block Redis while it walks every key of every namespace.
    RedisCacheManager shared = RedisCacheManager.builder(
            RedisCacheWriter.create(redis, writer -> writer.immediateWrites().batchStrategy(BatchStrategies.scan(1000))))
        .cacheDefaults(defaults)
        .withInitialCacheConfigurations(jsonOfItsType)
        .disableCreateOnMissingCache()
        .build();
    shared.afterPropertiesSet();
    CacheTtl localTtl = new CacheTtl(properties.localTtl(), properties.ttlJitter(), properties.absentTtl());
    Map<String, Cache> caches = new LinkedHashMap<>();
    for (String name : properties.names()) {
      Cache local = new CaffeineCache(name,
          CaffeineCacheConfiguration.localCache(properties.maximumSize(), localTtl).build(), true);
      // every name has its configuration above, so the shared manager has its cache
      Cache sharedLevel = Objects.requireNonNull(shared.getCache(name), name);
      TwoLevelCache cache = new TwoLevelCache(local, sharedLevel, invalidations,
          new CacheLevelMeters(meters, name));
      invalidations.register(cache);
      caches.put(name, cache);
    }
    return new FixedCaches(caches);
  }

  /** The configured caches and no others: a typo in a cache name fails instead of caching nowhere shared. */
  private record FixedCaches(Map<String, Cache> caches) implements CacheManager {
    @Override
    public @Nullable Cache getCache(String name) {
      return caches.get(name);
    }

    @Override
    public Collection<String> getCacheNames() {
      return caches.keySet();
    }
  }
}
