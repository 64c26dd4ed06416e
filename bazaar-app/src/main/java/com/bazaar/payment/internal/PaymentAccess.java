package com.bazaar.payment.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** The simulated provider's switch is for admins (and the tests that log in as one). */
@Component
final class PaymentAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.paths("/api/admin/payment-provider").byAdmins());
  }
}
