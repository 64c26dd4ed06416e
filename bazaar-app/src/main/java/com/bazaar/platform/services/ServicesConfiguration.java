package com.bazaar.platform.services;

import com.bazaar.platform.events.BusProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the deployment (mode and role) and the services settings, and refuses a services-mode
 * process that could not work with the others: one without an internal port (the others could
 * not reach it), or one on the embedded event bus, which delivers events only inside its own
 * process — the web role would never hear the catalog role's {@code ItemChanged}, and its search
 * index would silently go stale (docs/services.md, Events across services); nor one whose cache is
 * Caffeine alone: the catalog role caches items with their stock, and the stock changes with
 * every order in the web role, whose evictions reach the catalog role's copies only through a
 * shared level's broadcast ({@code two-level}, profile redis) — with a cache of its own the
 * catalog role would show stock up to {@code bazaar.cache.ttl} old (docs/services.md, Stock).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Deployment.class, ServicesProperties.class})
class ServicesConfiguration {
  ServicesConfiguration(Deployment deployment, ServicesProperties properties, BusProperties bus,
      @Value("${bazaar.cache.type:caffeine}") String cacheType) {
    if (deployment.isMonolith()) {
      return;
    }
    if (properties.internalPort() == 0) {
      throw new IllegalStateException("bazaar.deployment.mode=services needs bazaar.services.internal-port"
          + " (the port the other services call and the registry lists)");
    }
    if (bus.type() != BusProperties.Type.RABBIT) {
      throw new IllegalStateException("bazaar.deployment.mode=services needs the RabbitMQ bus (profile rabbit,"
          + " bazaar.bus.type=rabbit): the embedded bus delivers events only inside this process, so the"
          + " catalog role's ItemChanged would never reach the web role");
    }
    if ("caffeine".equals(cacheType)) {
      throw new IllegalStateException("bazaar.deployment.mode=services needs a cache that every process shares"
          + " (profile redis, bazaar.cache.type=two-level) or none (bazaar.cache.type=none): with Caffeine alone"
          + " the catalog role never hears of the stock changes the web role's orders make, and its cached items"
          + " would show stale stock");
    }
  }
}
