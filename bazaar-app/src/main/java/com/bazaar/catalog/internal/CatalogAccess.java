package com.bazaar.catalog.internal;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.stereotype.Component;

/** The catalog and its pictures are for everyone to read; only admins change them. */
@Component
final class CatalogAccess implements HttpAccessRules {
  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.reads("/api/categories", "/api/items", "/api/items/*").byAnyone(),
        AccessRule.reads("/images/*", "/images/generated/*").byAnyone(),
        AccessRule.paths("/api/admin/items", "/api/admin/items/**").byAdmins());
  }
}
