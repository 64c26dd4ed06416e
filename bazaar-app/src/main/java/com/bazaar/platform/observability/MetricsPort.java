package com.bazaar.platform.observability;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may read the node's meters and set its log levels. {@code /actuator/prometheus} and
 * {@code /actuator/metrics} name paths, login failures and pool sizes, so on the public port they
 * are for admins only; with {@code bazaar.metrics.port} set (bin/cluster does) the node also
 * listens on that port, bound to 127.0.0.1, where those two endpoints are open to the machine's
 * Prometheus (and the test harness), {@code /actuator/loggers} to its operators (read a level,
 * POST a new one), and nothing else of the shop is served.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsPort {

  private final int port;

  MetricsPort(@Value("${bazaar.metrics.port:0}") int port) {
    this.port = port;
  }

  /** Requests that arrived on the loopback metrics port; never matches when the port is off. */
  public boolean isMetricsPortRequest(HttpServletRequest request) {
    return port > 0 && request.getLocalPort() == port;
  }

  /** The meters on the metrics port: open (the port is bound to loopback). */
  public RequestMatcher scrapes() {
    return request -> isMetricsPortRequest(request) && isMeterPath(request.getRequestURI());
  }

  /**
   * The log levels on the metrics port: open to the machine's operators, who change a level with
   * a POST and no CSRF token (no shop page is served on this port, so there is no session a
   * cross-site form could borrow: see SecurityConfiguration).
   */
  public RequestMatcher logLevels() {
    return request -> isMetricsPortRequest(request) && isLogLevelPath(request.getRequestURI());
  }

  /** Anything else on the metrics port: refused, the shop is served on its own port only. */
  public RequestMatcher otherMetricsPortRequests() {
    return request -> isMetricsPortRequest(request)
        && !isMeterPath(request.getRequestURI()) && !isLogLevelPath(request.getRequestURI());
  }

  private static boolean isMeterPath(String path) {
    return path.equals("/actuator/prometheus") || path.equals("/actuator/metrics") || path.startsWith("/actuator/metrics/");
  }

  private static boolean isLogLevelPath(String path) {
    return path.equals("/actuator/loggers") || path.startsWith("/actuator/loggers/");
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackMetricsConnector() {
    return factory -> {
      if (port > 0) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        factory.addAdditionalConnectors(connector);
      }
    };
  }
}
