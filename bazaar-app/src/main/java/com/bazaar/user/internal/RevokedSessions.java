package com.bazaar.user.internal;

import com.bazaar.user.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that {@link AccountChecks} says was disabled or changed: the
 * request goes on as anonymous, so a page asks for the login form again (which refuses a
 * disabled account) and the API answers 401. Runs in the security chain right after the
 * security context is loaded; deliberately not a bean, which Spring Boot would also register
 * as a servlet filter outside that chain.
 */
final class RevokedSessions extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

  private final AccountChecks checks;

  RevokedSessions(AccountChecks checks) {
    this.checks = checks;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user && checks.revoked(user)) {
      log.info("session of {} ended: account disabled or its roles changed", user.id());
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }

}
