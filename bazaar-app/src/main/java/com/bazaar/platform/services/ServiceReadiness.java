package com.bazaar.platform.services;

import com.bazaar.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * A process answers the other services' calls only while it is ready: registered in ZooKeeper as
 * soon as its web server is up, it is still starting (a catalog instance seeding its demo catalog,
 * say) or already stopping, and an answer then would be an empty or a vanishing one. Until
 * Spring Boot reports it ready ({@link ReadinessState#ACCEPTING_TRAFFIC}), and from the moment it
 * stops, {@code /internal/**} answers 503 with {@code Retry-After}, a failure the caller's read
 * tries again on another instance and its breaker does not count (docs/services.md, Failure
 * semantics). Services mode only: the monolith's requests never meet this filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.deployment.mode", havingValue = "services")
class ServiceReadiness {
  /** Marks the 503 of an instance that is not ready, which the caller's breaker does not count ({@link RemoteCalls}). */
  static final String NOT_READY = "Bazaar-Not-Ready";

  @Bean
  FilterRegistrationBean<WhileReady> serviceCallsWhileReady(ApplicationAvailability availability) {
    FilterRegistrationBean<WhileReady> registration = new FilterRegistrationBean<>(new WhileReady(availability));
    registration.addUrlPatterns(InternalPort.PREFIX + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Lets a service call through while the process is ready; answers 503 otherwise. */
  static final class WhileReady extends HttpFilter {
    private final ApplicationAvailability availability;

    WhileReady(ApplicationAvailability availability) {
      this.availability = availability;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
        chain.doFilter(request, response);
        return;
      }
      response.setHeader("Retry-After", "1");
      response.setHeader(NOT_READY, "true");
      ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "this instance is not ready for service calls");
    }
  }
}
