package com.bazaar.user.internal;

import com.bazaar.platform.observability.MetricsPort;
import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessPolicy;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.platform.web.SecurityHeaders;
import com.bazaar.platform.web.UnmappedRequests;
import com.bazaar.user.LoginThrottled;
import com.bazaar.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: every module opens its own requests ({@link
 * com.bazaar.platform.web.HttpAccessRules}); whatever no module opens is refused (docs/security.md,
 * Deny by default). Pages use form login and CSRF tokens; the JSON API uses the same
 * session cookie and accepts {@code X-Requested-With: XMLHttpRequest} in place of a CSRF
 * token (a header a cross-site form cannot send). API failures answer problem+json 401/403;
 * pages get pages (the login form, or the shop's 403 page: {@link PageRefusals}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final RequestMatcher API =
      request -> request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/")
          || request.getRequestURI().startsWith("/internal/");
  private static final RequestMatcher PAGES = request -> !API.matches(request);

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, AuthenticationManager throttledLogins, HttpAccessPolicy policy, UnmappedRequests unmapped,
      AccountChecks accountChecks, MetricsPort metricsPort)
      throws Exception {
    // The login form must check passwords through the same throttled manager as the API, not one of its own.
    http.authenticationManager(throttledLogins);
    // A session whose account was disabled or changed since its login goes on as anonymous (AccountChecks).
    http.addFilterAfter(new RevokedSessions(accountChecks), SecurityContextHolderFilter.class);
    http.authorizeHttpRequests(
            authorize -> {
              // What each module opens (its HttpAccessRules), first match first.
              for (AccessRule rule : policy.rules()) {
                var requests = authorize.requestMatchers(rule.matcher());
                switch (rule.access()) {
                  case ANYONE -> requests.permitAll();
                  case SIGNED_IN -> requests.authenticated();
                  case ADMIN -> requests.hasRole(Role.ADMIN.name());
                  case NOBODY -> requests.denyAll();
                }
              }
              // Unknown paths and wrong methods reach no code of ours: they keep their 404 / 405.
              authorize.requestMatchers(unmapped).permitAll();
              // Deny, not "authenticated": anyone can sign up in a minute, so an endpoint that a
              // module forgot to open would be open to the world's write side, and a forgotten
              // admin endpoint to every shopper. Refused for everyone, the miss shows at once.
              authorize.anyRequest().denyAll();
            })
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens())
                    .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                    // The loopback metrics port serves no page and no login: an operator's POST to
                    // /actuator/loggers there has no browser session to forge (docs/security.md).
                    // On the public port the actuator keeps needing a token.
                    .ignoringRequestMatchers(metricsPort::isMetricsPortRequest))
        .formLogin(form -> form.loginPage("/login").successHandler(PageRefusals.backToThePage(pageRequestCache()))
            .failureHandler(SecurityConfiguration::loginFailed).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)))
        .securityContext(context -> context.securityContextRepository(securityContextRepository()))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .requestCache(cache -> cache.requestCache(pageRequestCache()))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        (request, response, e) ->
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "log in first"),
                        API)
                    .defaultAccessDeniedHandlerFor(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                e instanceof org.springframework.security.web.csrf.CsrfException
                                    ? "send the header X-Requested-With: XMLHttpRequest or a CSRF token"
                                    : "not allowed"),
                        API)
                    // Pages get pages (PageRefusals): the login form and the way back, or the shop's 403 page.
                    .defaultAuthenticationEntryPointFor(PageRefusals::logInFirst, PAGES)
                    .defaultAccessDeniedHandlerFor(PageRefusals::refused, PAGES));
    return http.build();
  }

  /** The login form's failures: a throttled attempt learns how long to wait, others just that it failed. */
  private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String query = e instanceof LoginThrottled throttled ? "throttled=" + throttled.retryAfterSeconds() : "error";
    response.sendRedirect(request.getContextPath() + "/login?" + query + PageRefusals.keepContinue(request));
  }

  /** Unsafe methods need a token, except API calls that carry the XMLHttpRequest header, and service calls. */
  static boolean needsCsrfToken(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    // Service calls (docs/services.md) carry no cookie a browser could lend; /internal/** is
    // refused everywhere but on the internal port, which no browser reaches (ServicesAccess).
    if (request.getRequestURI().startsWith("/internal/")) {
      return false;
    }
    boolean api = request.getRequestURI().startsWith("/api/");
    return !(api && "XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
  }

  /**
   * The CSRF token of a form lives in a cookie (double-submit: the form's masked token must match
   * the cookie's), not in the session, so showing a form to an anonymous visitor (item page, login
   * page) creates no session. The cookie is HttpOnly and SameSite=Lax; API clients keep using the
   * X-Requested-With header instead of a token.
   */
  static CookieCsrfTokenRepository csrfTokens() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return tokens;
  }

  /**
   * Remembers the page an anonymous shopper wanted before the login form (so login goes back
   * there); a refused API call is answered 401 and never saved, so it creates no session.
   */
  static HttpSessionRequestCache pageRequestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request));
    return cache;
  }

  /**
   * Spring Security observes nothing of its own. Its request observation wrapped each of the
   * chain's ~15 filters, and its authorization decision, in a Micrometer observation (a timer and
   * a span each): 17 % of the request threads' CPU in a flash-sale storm (docs/benchmarks.md,
   * Fast paths), for meters nobody reads. The request's own observation ({@code
   * http.server.requests}: its timer, its span, the trace id in logs and answers) is the servlet
   * filter's and stays. (Logins were never observed: the throttled manager is our own bean.)
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /** Strength 10 (BCrypt's default) in production; storm tests that register 1,000 buyers lower it. */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${bazaar.security.bcrypt-strength:10}") int strength) {
    return new BCryptPasswordEncoder(strength);
  }

  @Bean
  UserDetailsService userDetailsService(Users users) {
    return username ->
        users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  /** Every door that checks a password (form, API, sign-up) goes through this one manager and its throttle. */
  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService userDetails, PasswordEncoder encoder, RateLimiter rateLimiter, AccountChecks accountChecks) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
    provider.setPasswordEncoder(encoder);
    return new ThrottledLogins(new ProviderManager(provider), rateLimiter, accountChecks);
  }
}
