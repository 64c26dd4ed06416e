package com.bazaar.notification.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** An inbox is for its logged-in owner; the API shows only the caller's own. */
@Component
final class NotificationAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.paths("/api/notifications", "/api/notifications/**").bySignedInUsers());
  }
}
