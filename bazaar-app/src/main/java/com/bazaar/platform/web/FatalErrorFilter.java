package com.bazaar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Hands what a filter (security, sessions, body limit) throws to {@link FatalErrors} first. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // inside the trace id filter, so its log line carries the id
final class FatalErrorFilter extends OncePerRequestFilter {
  private final FatalErrors fatalErrors;

  FatalErrorFilter(FatalErrors fatalErrors) {
    this.fatalErrors = fatalErrors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException | Error failure) {
      fatalErrors.inspect(failure);
      throw failure;
    }
  }
}
