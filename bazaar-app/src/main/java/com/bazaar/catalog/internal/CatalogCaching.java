package com.bazaar.catalog.internal;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Switches on Spring's cache abstraction, which makes Spring Boot build the cache manager
 * configured in application.yaml (Caffeine embedded; another provider by configuration).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogCaching {}
