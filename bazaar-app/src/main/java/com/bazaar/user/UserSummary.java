package com.bazaar.user;

import com.bazaar.platform.id.UserId;
import java.time.Instant;
import java.util.Set;

/** An account without its secrets: what the admin pages list. */
public record UserSummary(UserId id, String username, String email, Set<Role> roles, boolean enabled, Instant createdAt) {

  public UserSummary {
    roles = Set.copyOf(roles);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }
}
