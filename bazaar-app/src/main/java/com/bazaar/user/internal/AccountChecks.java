package com.bazaar.user.internal;

import com.bazaar.user.AuthenticatedUser;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a session's account was disabled, or its roles changed, after it logged in. The
 * principal in a session is a copy taken at login, so without this check a disabled shopper, or
 * a demoted admin, would keep their rights until the session expired.
 *
 * <p>Each node keeps what it knows of an account — from the login itself, or read — and reads
 * it again in the background once it is older than {@code bazaar.security.account-check-interval}
 * (5 s): a logged-in request costs a map lookup, never SQL on the request thread (a flash-sale
 * storm's sold-out answers stay free of SQL), and one primary-key read per active user and
 * interval. The node that made the change forgets its copy at once; the others notice within
 * the interval and a request. An account not used for twelve intervals is forgotten. Anonymous requests are not touched. {@link RevokedSessions} asks it on every
 * request, inside the security filter chain.
 */
@Component
class AccountChecks {
  private static final Logger log = LoggerFactory.getLogger(AccountChecks.class);

  private final Users users;
  private final LoadingCache<Long, Optional<Users.Access>> known;

  /**
   * @param refreshes runs the background re-reads. Caffeine's default, the common fork-join pool,
   *     has parallelism 1 on a 2-core machine, where {@code CompletableFuture} starts a new thread
   *     for every task: one thread start per active user every interval, on the request thread
   *     that found the copy old (7 % of a flash-sale storm's request CPU; docs/benchmarks.md).
   */
  AccountChecks(Users users, @Value("${bazaar.security.account-check-interval:5s}") Duration interval,
      @Qualifier("applicationTaskExecutor") Executor refreshes) {
    this.users = users;
    this.known = Caffeine.newBuilder()
        .executor(refreshes)
        .maximumSize(100_000)
        .refreshAfterWrite(interval)
        .expireAfterWrite(interval.multipliedBy(12))
        .build(users::access);
  }

  /** What a login just read of the account: its next requests need no read of their own. */
  void loggedIn(AuthenticatedUser user) {
    known.put(user.id(), Optional.of(new Users.Access(user.roles(), user.isEnabled())));
  }

  /** Called by the node that changed the account, so its own next request sees the change. */
  void forget(long userId) {
    known.invalidate(userId);
  }

  /** Whether the account no longer grants what the session's copy of it says. */
  boolean revoked(AuthenticatedUser user) {
    Optional<Users.Access> access;
    try {
      access = known.get(user.id());
    } catch (RuntimeException e) {
      // The user database is down: no account can be changed meanwhile either, so keep the session
      // rather than log every shopper out for an outage.
      log.warn("account check of {} skipped: {}", user.id(), e.toString());
      return false;
    }
    return access.map(a -> !a.enabled() || !a.roles().equals(user.roles())).orElse(true);
  }
}
