package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One line of a module's {@link HttpAccessRules}: which requests, and who may make them. Read
 * as a sentence: {@code AccessRule.reads("/api/items/*").byAnyone()}.
 *
 * @param requests what the rule covers, for people (test failures, logs)
 * @param matcher what the rule covers, for the filter chain
 * @param access who may make those requests
 */
public record AccessRule(String requests, RequestMatcher matcher, Access access) {

  /** Who may make a request. */
  public enum Access {
    /** Everyone, logged in or not. */
    ANYONE,
    /** Any logged-in user. */
    SIGNED_IN,
    /** Users with the admin role. */
    ADMIN,
    /** Nobody, whoever asks. */
    NOBODY
  }

  /**
   * GET and HEAD of these paths: reading. Opening the reads of a path opens none of its writes,
   * so a POST added later to a public path stays closed until someone opens it too.
   */
  public static Requests reads(String... patterns) {
    return new Requests(
        "GET|HEAD " + String.join(" ", patterns),
        anyOf(Stream.of(HttpMethod.GET, HttpMethod.HEAD).flatMap(method -> matchers(method, patterns))));
  }

  /** One method on these paths. */
  public static Requests calls(HttpMethod method, String... patterns) {
    return new Requests(method.name() + " " + String.join(" ", patterns), anyOf(matchers(method, patterns)));
  }

  /** Every method on these paths: for areas whose every request has the same audience (a cart, the admin API). */
  public static Requests paths(String... patterns) {
    return new Requests("* " + String.join(" ", patterns), anyOf(matchers(null, patterns)));
  }

  /** Requests that a path cannot describe (a port, a dispatch type). */
  public static Requests matching(String requests, RequestMatcher matcher) {
    return new Requests(requests, matcher);
  }

  /** Whether this rule covers the request. */
  public boolean covers(HttpServletRequest request) {
    return matcher.matches(request);
  }

  @Override
  public String toString() {
    return requests + " → " + access;
  }

  private static Stream<RequestMatcher> matchers(@Nullable HttpMethod method, String... patterns) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return Arrays.stream(patterns).map(pattern -> paths.matcher(method, pattern));
  }

  private static RequestMatcher anyOf(Stream<RequestMatcher> matchers) {
    List<RequestMatcher> all = matchers.toList();
    return all.size() == 1 ? all.get(0) : new OrRequestMatcher(all);
  }

  /** Requests still waiting for their audience. */
  public record Requests(String requests, RequestMatcher matcher) {
    public AccessRule byAnyone() {
      return new AccessRule(requests, matcher, Access.ANYONE);
    }

    public AccessRule bySignedInUsers() {
      return new AccessRule(requests, matcher, Access.SIGNED_IN);
    }

    public AccessRule byAdmins() {
      return new AccessRule(requests, matcher, Access.ADMIN);
    }

    public AccessRule byNobody() {
      return new AccessRule(requests, matcher, Access.NOBODY);
    }
  }
}
