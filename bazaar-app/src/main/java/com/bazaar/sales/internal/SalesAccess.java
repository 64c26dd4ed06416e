package com.bazaar.sales.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** An item's sales count is public, like the item. */
@Component
final class SalesAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.reads("/api/items/*/sales").byAnyone());
  }
}
