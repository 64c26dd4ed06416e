package com.bazaar.flashsale.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everyone sees the sales; logged-in buyers buy and follow their tickets; admins create sales.
 */
@Component
final class FlashSaleAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.reads("/api/flash-sales").byAnyone(),
        AccessRule.paths("/api/flash-sales/*/purchase", "/api/flash-sales/*/purchase/*").bySignedInUsers(),
        AccessRule.paths("/api/admin/flash-sales", "/api/admin/flash-sales/**").byAdmins());
  }
}
