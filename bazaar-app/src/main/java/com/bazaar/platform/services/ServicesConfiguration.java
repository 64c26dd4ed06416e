package com.bazaar.platform.services;

import com.bazaar.platform.events.BusProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the deployment (mode and role) and the services settings, and refuses a services-mode
 * process that could not work with the others: one without an internal port (the others could
 * not reach it), or one on the embedded event bus, which delivers events only inside its own
 * process — the web role would never hear the catalog role's {@code ItemChanged}, and its search
 * index would silently go stale (docs/services.md, Events across services).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Deployment.class, ServicesProperties.class})
class ServicesConfiguration {
  ServicesConfiguration(Deployment deployment, ServicesProperties properties, BusProperties bus) {
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
  }
}
