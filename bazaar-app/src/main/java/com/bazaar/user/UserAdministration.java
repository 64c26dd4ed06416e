package com.bazaar.user;

import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts as admins see and change them. Disabling an account refuses its logins at once and
 * ends its sessions at their next request; so does a change of roles, after which the user logs
 * in again and gets the new ones (docs/security.md, "Disabled accounts and role changes"). An
 * admin cannot disable or demote their own account, so the shop never loses its last admin by
 * a slip.
 */
public interface UserAdministration {

  /** Accounts newest first, or those whose name starts with the prefix, by name. */
  Page<UserSummary> users(Optional<String> usernamePrefix, PageSpec page);

  Optional<UserSummary> find(UserId userId);

  /** The account with this name, matched the way logins match it (NFKC, case-insensitive). */
  Optional<UserSummary> findByUsername(String username);

  /** Names of the accounts with these ids; unknown ids are absent. */
  Map<UserId, String> usernames(Collection<UserId> userIds);

  /** Throws {@link UserNotFound}, or {@link OwnAccountUnchangeable} when the admin disables themselves. */
  UserSummary setEnabled(UserId adminId, UserId userId, boolean enabled);

  /** Every account keeps {@link Role#USER}; throws as {@link #setEnabled} does when an admin demotes themselves. */
  UserSummary setRoles(UserId adminId, UserId userId, Set<Role> roles);
}
