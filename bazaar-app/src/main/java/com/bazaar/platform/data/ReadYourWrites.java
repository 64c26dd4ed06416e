package com.bazaar.platform.data;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes per user: a request that may write (any method but GET, HEAD, OPTIONS)
 * stamps its session; the requests of that session within the window read from the primary.
 * The stamp lives in the session, so it follows the user to any node of a cluster.
 */
final class ReadYourWrites extends OncePerRequestFilter {
  static final String LAST_WRITE = ReadYourWrites.class.getName() + ".lastWrite";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final ThreadLocal<Boolean> PRIMARY_ONLY = ThreadLocal.withInitial(() -> false);

  private final Duration window;
  private final Clock clock;

  ReadYourWrites(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  /** True while the current thread serves a user who wrote within the window. */
  static boolean primaryOnly() {
    return PRIMARY_ONLY.get();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PRIMARY_ONLY.set(wroteRecently(request.getSession(false)));
    try {
      chain.doFilter(request, response);
    } finally {
      PRIMARY_ONLY.remove();
      HttpSession session = request.getSession(false);
      if (session != null && !SAFE_METHODS.contains(request.getMethod())) {
        session.setAttribute(LAST_WRITE, clock.instant());
      }
    }
  }

  private boolean wroteRecently(HttpSession session) {
    if (session == null) {
      return false;
    }
    try {
      return session.getAttribute(LAST_WRITE) instanceof Instant lastWrite
          && lastWrite.plus(window).isAfter(clock.instant());
    } catch (IllegalStateException invalidated) {
      return false;
    }
  }
}
