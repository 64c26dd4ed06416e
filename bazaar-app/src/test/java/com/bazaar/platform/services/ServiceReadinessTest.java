package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Service calls reach a process only while it is ready: starting (seeding, say) or stopping, it answers 503. */
class ServiceReadinessTest {
  private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
  private final ServiceReadiness.WhileReady filter = new ServiceReadiness.WhileReady(availability);

  @Test
  void beforeItIsReadyAServiceCallIsA503ToTryElsewhere() throws Exception {
    MockHttpServletResponse response = call();

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    assertThat(response.getHeader(ServiceReadiness.NOT_READY)).isEqualTo("true");
    assertThat(response.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void whileReadyItIsServedAndOnceStoppingRefusedAgain() throws Exception {
    readiness(ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(call().getStatus()).isEqualTo(200);

    readiness(ReadinessState.REFUSING_TRAFFIC);
    assertThat(call().getStatus()).isEqualTo(503);
  }

  private void readiness(ReadinessState state) {
    availability.onApplicationEvent(new AvailabilityChangeEvent<>(new StaticApplicationContext(), state));
  }

  private MockHttpServletResponse call() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/internal/catalog/categories"), response, new MockFilterChain());
    return response;
  }
}
