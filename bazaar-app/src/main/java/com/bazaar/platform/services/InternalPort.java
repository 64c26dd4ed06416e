package com.bazaar.platform.services;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the services call each other: with {@code bazaar.services.internal-port} set (services
 * mode), the process also listens on that port, bound to {@code bazaar.services.internal-address}
 * (loopback by default, a private interface across hosts), and registers it in ZooKeeper. Only
 * {@code /internal/**} is served there, and {@code /internal/**} is served nowhere else, so nginx,
 * which forwards to the public port, can never expose a module API.
 */
@Configuration(proxyBeanMethods = false)
public class InternalPort {
  static final String PREFIX = "/internal/";

  private final ServicesProperties properties;

  InternalPort(ServicesProperties properties) {
    this.properties = properties;
  }

  /** Requests that arrived on the internal port; never matches when the port is off. */
  public boolean isInternalPortRequest(HttpServletRequest request) {
    return properties.internalPort() > 0 && request.getLocalPort() == properties.internalPort();
  }

  /** Service calls: {@code /internal/**} on the internal port. */
  RequestMatcher serviceCalls() {
    return request -> isInternalPortRequest(request) && isInternalPath(request);
  }

  /** Anything else on the internal port: the shop is served on its public port only. */
  RequestMatcher otherInternalPortRequests() {
    return request -> isInternalPortRequest(request) && !isInternalPath(request);
  }

  static boolean isInternalPath(HttpServletRequest request) {
    return request.getRequestURI().startsWith(PREFIX);
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> internalConnector() {
    return factory -> {
      if (properties.internalPort() > 0) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.internalPort());
        connector.setProperty("address", properties.internalAddress());
        factory.addAdditionalConnectors(connector);
      }
    };
  }
}
