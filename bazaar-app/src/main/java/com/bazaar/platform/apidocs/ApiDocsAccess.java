package com.bazaar.platform.apidocs;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The API's description and Swagger UI are for everyone, like the API's public reads: they
 * show what docs/API.md already publishes, and trying an operation in Swagger UI is an
 * ordinary API call that meets that operation's own rule.
 */
@Component
final class ApiDocsAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(AccessRule.reads(ApiDocsPages.PATHS.toArray(String[]::new)).byAnyone());
  }
}
