package com.bazaar.platform.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No cache at all ({@code bazaar.cache.type=none}): every read goes to the database. Not for
 * production; it is the naive baseline the load tool's evolution compares the cache against.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.cache.type", havingValue = "none")
class NoCacheConfiguration {

  @Bean
  CacheManager cacheManager() {
    return new NoOpCacheManager();
  }
}
