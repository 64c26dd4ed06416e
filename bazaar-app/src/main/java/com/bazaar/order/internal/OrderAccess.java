package com.bazaar.order.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Orders are for their logged-in buyer (the API finds only the caller's own); every buyer's
 * orders are for admins.
 */
@Component
final class OrderAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.paths("/api/orders", "/api/orders/**").bySignedInUsers(),
        AccessRule.paths("/api/admin/orders", "/api/admin/orders/**").byAdmins());
  }
}
