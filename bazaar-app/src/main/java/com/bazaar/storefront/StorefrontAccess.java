package com.bazaar.storefront;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The shop's pages: browsing, the flash sale list and the account forms for everyone; the
 * cart, orders, flash purchases and their tickets and the inbox for the logged-in shopper; the
 * admin pages for admins.
 */
@Component
final class StorefrontAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.reads("/", "/categories/*", "/search", "/items/*", "/flash-sales", "/css/**", "/js/**").byAnyone(),
        // The login form opens its own page; its variants (?error, ?throttled=N) need this rule.
        AccessRule.reads("/login", "/register").byAnyone(),
        // The header's zh / en switch: sets a cookie and goes back to the page.
        AccessRule.reads("/language").byAnyone(),
        AccessRule.calls(HttpMethod.POST, "/register").byAnyone(),
        AccessRule.paths("/cart", "/cart/**", "/checkout", "/checkout/**", "/orders", "/orders/**").bySignedInUsers(),
        AccessRule.paths("/addresses", "/addresses/**").bySignedInUsers(),
        AccessRule.paths("/flash-sales/*/buy", "/flash-sales/*/tickets/**", "/notifications", "/notifications/**")
            .bySignedInUsers(),
        AccessRule.paths("/admin", "/admin/**").byAdmins());
  }
}
