package com.bazaar.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded cache: Caffeine in this JVM. Caffeine computes one value per key at a time, so a
 * hot key that expires under many concurrent readers is loaded once (breakdown); absent
 * values are cached briefly (penetration); TTLs carry jitter (avalanche).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.cache.type", havingValue = "caffeine", matchIfMissing = true)
@EnableConfigurationProperties(CacheProperties.class)
class CaffeineCacheConfiguration {

  @Bean
  CacheManager cacheManager(CacheProperties properties) {
    CaffeineCacheManager manager = new CaffeineCacheManager();
    manager.setCaffeine(localCache(properties.maximumSize(),
        new CacheTtl(properties.ttl(), properties.ttlJitter(), properties.absentTtl())));
    manager.setCacheNames(properties.names());
    return manager;
  }

  static Caffeine<Object, Object> localCache(long maximumSize, CacheTtl ttl) {
    return Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(ttl).recordStats();
  }
}
