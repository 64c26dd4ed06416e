package com.bazaar.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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

  /** Throws Spring Security's AuthenticationException on wrong credentials. */
  public AuthenticatedUser logIn(
      String username, String password, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication =
        authenticationManager.authenticate(
            UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contextRepository.saveContext(context, request, response);
    return (AuthenticatedUser) authentication.getPrincipal();
  }
}
