package com.bazaar.platform.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * What the web edge itself serves, for everyone. The error page: the container forwards every
 * failure there (an unknown item, a refused body), and whoever caused it must see the problem,
 * not a login form. Spring Boot's {@code /webjars/**} resource mapping: the shop has no webjars,
 * so it answers 404, as it did before deny-by-default, rather than a login form.
 */
@Component
final class WebEdgeAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.matching("error dispatches", new DispatcherTypeRequestMatcher(DispatcherType.ERROR)).byAnyone(),
        AccessRule.paths("/error").byAnyone(),
        AccessRule.reads("/webjars/**").byAnyone());
  }
}
