package com.bazaar.user.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * What a page (anything outside the API) gets when security refuses it: a page, never the
 * API's problem+json. A visitor who must log in goes to the login form, told when their
 * session has ended, and comes back afterwards to the page they were on — for a refused GET
 * through the request cache, for a refused form post to the page the form was on (its
 * {@code Referer}, passed as {@code continue}). A logged-in shopper refused a page gets the
 * shop's 403 page, drawn by the error endpoint in the shop's layout.
 */
final class PageRefusals {
  static final String CONTINUE = "continue";
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
  private static final AccessDeniedHandlerImpl FORBIDDEN_PAGE = new AccessDeniedHandlerImpl();

  private PageRefusals() {}

  /** The entry point for pages: the login form, saying why, with the way back. */
  static void logInFirst(HttpServletRequest request, HttpServletResponse response, @Nullable AuthenticationException e)
      throws IOException {
    List<String> query = new ArrayList<>();
    if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
      query.add("expired");
    }
    if (!"GET".equals(request.getMethod())) {
      // The request cache keeps only page GETs (a form's body is not replayed): back to the form's page.
      localPath(request.getHeader("Referer"), request)
          .ifPresent(path -> query.add(CONTINUE + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
    }
    String login = request.getContextPath() + "/login";
    response.sendRedirect(query.isEmpty() ? login : login + "?" + String.join("&", query));
  }

  /**
   * A refused page. A form posted without a valid CSRF token by someone no longer logged in
   * (their session and its cookies are gone) is the expired session again: log in and come
   * back. Anything else is the shop's 403 page.
   */
  static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException, jakarta.servlet.ServletException {
    if (e instanceof CsrfException && !TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
      logInFirst(request, response, null);
      return;
    }
    FORBIDDEN_PAGE.handle(request, response, e);
  }

  /** After login: the {@code continue} page if it is one of ours, else the saved page, else home. */
  static SavedRequestAwareAuthenticationSuccessHandler backToThePage(RequestCache pages) {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
            String target = super.determineTargetUrl(request, response);
            return isLocalPath(target) ? target : getDefaultTargetUrl(); // never another site
          }
        };
    handler.setDefaultTargetUrl("/");
    handler.setTargetUrlParameter(CONTINUE);
    handler.setRequestCache(pages);
    return handler;
  }

  /** {@code &continue=...} to keep the way back through a failed login, or nothing. */
  static String keepContinue(HttpServletRequest request) {
    String target = request.getParameter(CONTINUE);
    return target != null && isLocalPath(target)
        ? "&" + CONTINUE + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
        : "";
  }

  /** The path and query of a same-host URL, never another site's (no open redirect). */
  static Optional<String> localPath(String url, HttpServletRequest request) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
        return Optional.empty();
      }
      String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
      return isLocalPath(path) && !path.startsWith("/login") ? Optional.of(path) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A path on this site: one leading slash, no scheme or host, nothing a browser reads as one. */
  static boolean isLocalPath(String target) {
    return target != null
        && target.startsWith("/")
        && !target.startsWith("//")
        && target.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c));
  }
}
