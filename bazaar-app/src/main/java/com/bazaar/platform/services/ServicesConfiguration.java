package com.bazaar.platform.services;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the deployment (mode and role) and the services settings, and refuses a services-mode
 * process without an internal port: the others could not reach it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({Deployment.class, ServicesProperties.class})
class ServicesConfiguration {
  ServicesConfiguration(Deployment deployment, ServicesProperties properties) {
    if (!deployment.isMonolith() && properties.internalPort() == 0) {
      throw new IllegalStateException("bazaar.deployment.mode=services needs bazaar.services.internal-port"
          + " (the port the other services call and the registry lists)");
    }
  }
}
