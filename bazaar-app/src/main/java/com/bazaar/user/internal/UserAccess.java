package com.bazaar.user.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Anyone may sign up and log in or out; {@code GET /api/session} answers 401 itself when nobody
 * is logged in. Address books are for their logged-in owner.
 */
@Component
final class UserAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.calls(HttpMethod.POST, "/api/users").byAnyone(),
        AccessRule.paths("/api/session").byAnyone(),
        AccessRule.paths("/api/addresses", "/api/addresses/**").bySignedInUsers());
  }
}
