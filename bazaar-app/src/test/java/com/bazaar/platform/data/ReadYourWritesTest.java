package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class ReadYourWritesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final MockHttpSession session = new MockHttpSession();

  @Test
  void aUserReadsFromThePrimaryWithinTheWindowAfterTheirWrite() throws Exception {
    send(at(T0), "PUT", session);

    assertThat(send(at(T0.plusMillis(1_999)), "GET", session)).isTrue();
    assertThat(send(at(T0.plusMillis(2_000)), "GET", session)).isFalse();
  }

  @Test
  void readsDoNotOpenTheWindowAndOtherUsersAreNotAffected() throws Exception {
    send(at(T0), "GET", session);
    assertThat(send(at(T0.plusMillis(1)), "GET", session)).isFalse();

    send(at(T0), "POST", session);
    assertThat(send(at(T0.plusMillis(1)), "GET", new MockHttpSession())).isFalse();
    assertThat(send(at(T0.plusMillis(1)), "GET", null)).isFalse();
  }

  @Test
  void theFlagDoesNotOutliveTheRequest() throws Exception {
    send(at(T0), "POST", session);
    send(at(T0.plusMillis(1)), "GET", session);

    assertThat(ReadYourWrites.primaryOnly()).isFalse();
  }

  private static ReadYourWrites at(Instant now) {
    return new ReadYourWrites(Duration.ofSeconds(2), Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Runs one request through the filter; answers whether its reads were held on the primary. */
  private static boolean send(ReadYourWrites filter, String method, MockHttpSession session) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/items");
    if (session != null) {
      request.setSession(session);
    }
    AtomicBoolean primaryOnly = new AtomicBoolean();
    FilterChain chain = (req, res) -> primaryOnly.set(ReadYourWrites.primaryOnly());
    filter.doFilter(request, new MockHttpServletResponse(), chain);
    return primaryOnly.get();
  }
}
