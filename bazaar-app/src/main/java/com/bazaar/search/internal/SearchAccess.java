package com.bazaar.search.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** Search is for everyone, like the catalog it searches. */
@Component
final class SearchAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.reads("/api/search", "/api/search/suggestions").byAnyone());
  }
}
