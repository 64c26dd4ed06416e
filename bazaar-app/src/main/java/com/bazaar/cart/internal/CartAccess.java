package com.bazaar.cart.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** A cart is for its logged-in owner; the API picks the caller's own cart. */
@Component
final class CartAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.paths("/api/cart", "/api/cart/**").bySignedInUsers());
  }
}
