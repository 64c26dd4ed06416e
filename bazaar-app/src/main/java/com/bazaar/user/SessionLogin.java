package com.bazaar.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logs a user in to the current HTTP session, for the JSON API and for sign-up pages alike:
 * checks the password, gives the session a new id (defeating session fixation) and stores
 * the security context in it.
 */
@Component
public class SessionLogin {
  private final AuthenticationManager authenticationManager;
  private final SecurityContextRepository contextRepository;

  SessionLogin(AuthenticationManager authenticationManager, SecurityContextRepository contextRepository) {
    this.authenticationManager = authenticationManager;
    this.contextRepository = contextRepository;
  }

  /**
   * Throws Spring Security's AuthenticationException on wrong credentials, and {@link
   * LoginThrottled} when the address or the username used up its attempts: the same limits
   * and log lines as the login form, which goes through the same authentication manager.
   */
  public AuthenticatedUser logIn(
      String username, String password, HttpServletRequest request, HttpServletResponse response) {
    UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    attempt.setDetails(new WebAuthenticationDetails(request));
    Authentication authentication = authenticationManager.authenticate(attempt);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contextRepository.saveContext(context, request, response);
    if (authentication.getPrincipal() instanceof AuthenticatedUser user) {
      return user;
    }
    throw new IllegalStateException("the user details service answers AuthenticatedUser principals");
  }
}
