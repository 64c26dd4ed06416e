package com.bazaar.user.internal;

import com.bazaar.platform.ratelimit.RateLimiter;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.LoginThrottled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one place a password is checked, whichever door it came through (the login form, the
 * session API, sign-up's automatic login): every attempt first takes a permit per client
 * address (one host guessing many accounts) and per username (many hosts guessing one), then
 * the outcome is logged the same way. A throttled attempt is refused before the password is
 * compared, so even the right password does not get in until the wait is over.
 */
final class ThrottledLogins implements AuthenticationManager {
  static final String PER_ADDRESS = "login";
  static final String PER_USERNAME = "login-user";
  private static final Logger log = LoggerFactory.getLogger(ThrottledLogins.class);

  private final AuthenticationManager passwords;
  private final RateLimiter rateLimiter;
  private final AccountChecks accountChecks;

  ThrottledLogins(AuthenticationManager passwords, RateLimiter rateLimiter, AccountChecks accountChecks) {
    this.passwords = passwords;
    this.rateLimiter = rateLimiter;
    this.accountChecks = accountChecks;
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = attempt.getName();
    String address = addressOf(attempt);
    throttle(PER_ADDRESS, address, username);
    throttle(PER_USERNAME, UsernameRules.key(username), username);
    try {
      Authentication authenticated = passwords.authenticate(attempt);
      if (authenticated.getPrincipal() instanceof AuthenticatedUser user) {
        accountChecks.loggedIn(user);
      }
      log.info("login of {} from {}", printable(username), address);
      return authenticated;
    } catch (AuthenticationException e) {
      log.info("login failed for {} from {}", printable(username), address);
      throw e;
    }
  }

  private void throttle(String limit, String key, String username) {
    rateLimiter.tryAcquire(limit, key).ifPresent(wait -> {
      log.info("login throttled ({}) for {}; retry in {} ms", limit, printable(username), wait.toMillis());
      throw new LoginThrottled(wait);
    });
  }

  /** Both doors attach the request's details; with profile edge the address is nginx's X-Forwarded-For. */
  private static String addressOf(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }

  /** A username as typed may hold line breaks; keep it from forging log lines. */
  private static String printable(String username) {
    return username.replaceAll("\\p{Cntrl}", "?");
  }
}
