package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.platform.cache.CachedValueType;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Switches on Spring's cache abstraction, which makes Spring Boot build the cache manager
 * configured in application.yaml (Caffeine embedded; another provider by configuration), and
 * says what the catalog's caches hold, so that a shared level (Redis) can store it as JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogCaching {

  @Bean
  CachedValueType itemsCacheHoldsItemDetails() {
    return CachedValueType.of("items", ItemDetail.class);
  }

  @Bean
  CachedValueType categoriesCacheHoldsTheCategoryList() {
    return CachedValueType.listOf("categories", Category.class);
  }

  @Bean
  CachedValueType listingsCacheHoldsTheIdsOfAPage() {
    return CachedValueType.of("listings", CachedListing.class);
  }
}
