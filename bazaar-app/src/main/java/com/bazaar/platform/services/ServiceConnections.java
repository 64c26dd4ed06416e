package com.bazaar.platform.services;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * The connection pool under every service client ({@code spring.http.serviceclient.*}, Apache
 * HttpClient 5 by {@code spring.http.clients.imperative.factory=http-components}): up to
 * {@code bazaar.services.max-connections-per-instance} connections to each instance. HttpClient's
 * own default, 5 per instance and 25 in all, would queue a web role's 200 request threads behind
 * five connections. The sum is not limited: the request threads bound it, and a limit there would
 * make the per-instance figure untrue as soon as a service has two instances. Timeouts stay those
 * of the client group ({@code spring.http.serviceclient.<group>.connect-timeout/read-timeout}),
 * which Spring Boot sets on the same builder.
 */
@Component
@ConditionalOnProperty(name = "bazaar.deployment.mode", havingValue = "services")
final class ServiceConnections
    implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> {

  private final int perInstance;

  ServiceConnections(ServicesProperties properties) {
    this.perInstance = properties.maxConnectionsPerInstance();
  }

  @Override
  public HttpComponentsClientHttpRequestFactoryBuilder customize(HttpComponentsClientHttpRequestFactoryBuilder builder) {
    return builder.withConnectionManagerCustomizer(pool -> pool
        .setMaxConnPerRoute(perInstance)
        .setMaxConnTotal(Integer.MAX_VALUE));
  }
}
