package com.bazaar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link HttpAccessRules}, in the order the filter chain applies them. The
 * security configuration builds its rules from this list, and tests ask it which rule a
 * request meets, so both read the same list.
 */
@Component
public final class HttpAccessPolicy {
  private final List<AccessRule> rules;

  HttpAccessPolicy(ObjectProvider<HttpAccessRules> modules) {
    this.rules = modules.orderedStream().flatMap(module -> module.rules().stream()).toList();
  }

  /** The rules, first match first. */
  public List<AccessRule> rules() {
    return rules;
  }

  /** The rule that decides this request, if any does; without one the request is refused. */
  public Optional<AccessRule> ruleFor(HttpServletRequest request) {
    return rules.stream().filter(rule -> rule.covers(request)).findFirst();
  }
}
