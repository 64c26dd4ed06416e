package com.bazaar.user.internal;

import com.bazaar.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Pages use form login and CSRF tokens; the JSON API uses the same
 * session cookie and accepts {@code X-Requested-With: XMLHttpRequest} in place of a CSRF
 * token (a header a cross-site form cannot send). API failures answer problem+json 401/403,
 * pages redirect to the login form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/api/admin/**", "/admin/**").hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/users", "/api/session").permitAll()
                    .requestMatchers("/api/session").permitAll()
                    .requestMatchers("/api/cart/**", "/api/cart", "/api/orders/**", "/api/orders").authenticated()
                    .requestMatchers("/api/notifications/**", "/api/notifications").authenticated()
                    .requestMatchers("/api/flash-sales/*/purchase", "/api/flash-sales/*/purchase/*").authenticated()
                    .requestMatchers("/cart/**", "/cart", "/checkout/**", "/orders/**", "/orders").authenticated()
                    .anyRequest().permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens())
                    .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
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
                        API));
    return http.build();
  }

  /** Unsafe methods need a token, except API calls that carry the XMLHttpRequest header. */
  static boolean needsCsrfToken(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
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

  @Bean
  AuthenticationManager authenticationManager(UserDetailsService userDetails, PasswordEncoder encoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
    provider.setPasswordEncoder(encoder);
    return new ProviderManager(provider);
  }
}
