package com.bazaar.user.internal;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.UserId;
import com.bazaar.user.OwnAccountUnchangeable;
import com.bazaar.user.Role;
import com.bazaar.user.UserAdministration;
import com.bazaar.user.UserNotFound;
import com.bazaar.user.UserSummary;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The accounts for admins (see {@link UserAdministration}); every change is logged with who made it. */
@Service
class UserRoster implements UserAdministration {
  private static final Logger log = LoggerFactory.getLogger(UserRoster.class);

  private final Users users;
  private final AccountChecks checks;

  UserRoster(Users users, AccountChecks checks) {
    this.users = users;
    this.checks = checks;
  }

  @Override
  public Page<UserSummary> users(Optional<String> usernamePrefix, PageSpec page) {
    Optional<String> prefix = usernamePrefix.map(String::strip).filter(p -> !p.isEmpty());
    if (prefix.isPresent()) {
      return Page.of(users.pageByPrefix(prefix.get(), page), page, users.countByPrefix(prefix.get()));
    }
    return Page.of(users.page(page), page, users.count());
  }

  @Override
  public Optional<UserSummary> find(UserId userId) {
    return users.summary(userId.value());
  }

  @Override
  public Optional<UserSummary> findByUsername(String username) {
    return users.summaryByUsername(username);
  }

  @Override
  public Map<UserId, String> usernames(Collection<UserId> userIds) {
    Map<UserId, String> names = new HashMap<>();
    users.usernames(userIds.stream().map(UserId::value).toList()).forEach((id, name) -> names.put(UserId.of(id), name));
    return names;
  }

  @Override
  public UserSummary setEnabled(UserId adminId, UserId userId, boolean enabled) {
    if (adminId.equals(userId) && !enabled) {
      throw OwnAccountUnchangeable.disabling();
    }
    requireAccount(userId);
    users.setEnabled(userId.value(), enabled);
    checks.forget(userId.value());
    log.info("account {} {} by admin {}", userId, enabled ? "enabled" : "disabled", adminId);
    return find(userId).orElseThrow(() -> new UserNotFound(userId));
  }

  @Override
  public UserSummary setRoles(UserId adminId, UserId userId, Set<Role> roles) {
    Set<Role> granted = EnumSet.of(Role.USER);
    granted.addAll(roles);
    if (adminId.equals(userId) && !granted.contains(Role.ADMIN)) {
      throw OwnAccountUnchangeable.demoting();
    }
    requireAccount(userId);
    users.setRoles(userId.value(), granted);
    checks.forget(userId.value());
    log.info("account {} now has roles {} (admin {})", userId, granted, adminId);
    return find(userId).orElseThrow(() -> new UserNotFound(userId));
  }

  /** Refuses a change to an account that does not exist, before anything is written or logged. */
  private void requireAccount(UserId userId) {
    if (find(userId).isEmpty()) {
      throw new UserNotFound(userId);
    }
  }
}
