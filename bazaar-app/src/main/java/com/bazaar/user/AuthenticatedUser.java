package com.bazaar.user;

import com.bazaar.platform.id.UserId;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as every module sees them: an id to own carts and orders by, a name,
 * and roles. Kept in the session, so it is small and serializable; the password hash is
 * erased once authentication is done.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer {
  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private final Set<Role> roles;
  // "disabled", not "enabled": a session written before the field existed reads false, so enabled.
  private final boolean disabled;
  private @Nullable String passwordHash;

  public AuthenticatedUser(long id, String username, @Nullable String passwordHash, Set<Role> roles) {
    this(id, username, passwordHash, roles, true);
  }

  /** A disabled account is refused at login (Spring Security checks {@link #isEnabled()}). */
  public AuthenticatedUser(long id, String username, @Nullable String passwordHash, Set<Role> roles, boolean enabled) {
    this.id = id;
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = Set.copyOf(roles);
    this.disabled = !enabled;
  }

  public long id() {
    return id;
  }

  /** {@link #id()} as the typed id module APIs take. */
  public UserId userId() {
    return UserId.of(id);
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
  }

  @Override
  public boolean isEnabled() {
    return !disabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  /** Roles in a stable order, for answers. */
  public List<String> roleNames() {
    return roles.stream().map(Role::name).sorted().toList();
  }
}
