package com.bazaar.user;

import com.bazaar.platform.id.IdGenerator;
import com.bazaar.user.internal.PasswordRules;
import com.bazaar.user.internal.UsernameRules;
import com.bazaar.user.internal.Users;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration of new accounts, by whichever door: the username is normalized and checked
 * ({@link UsernameRules}: NFKC, allowed characters, no look-alike of an existing name), the
 * password checked ({@link PasswordRules}: length, not a common one) and stored only as a
 * BCrypt hash.
 */
@Service
public class UserAccounts {

  private final Users users;
  private final PasswordEncoder passwordEncoder;
  private final IdGenerator ids;
  private final Clock clock;

  UserAccounts(Users users, PasswordEncoder passwordEncoder, IdGenerator ids, Clock clock) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.ids = ids;
    this.clock = clock;
  }

  public AuthenticatedUser register(String username, String password, String email) {
    return register(username, password, email, Set.of(Role.USER));
  }

  public AuthenticatedUser register(String username, String password, String email, Set<Role> roles) {
    String name = UsernameRules.normalize(username);
    UsernameRules.check(name);
    PasswordRules.check(password, name);
    long id = ids.nextId();
    // encode answers null only for a null password
    String hash = Objects.requireNonNull(passwordEncoder.encode(password), "password hash");
    try {
      users.insert(id, name, email, hash, roles, clock.instant());
    } catch (DuplicateKeyException e) {
      // the same name in another case or width, or a look-alike: the unique key or the skeleton
      throw new UsernameTaken(name);
    }
    return new AuthenticatedUser(id, name, null, roles);
  }

  public boolean exists(String username) {
    return users.findByUsername(username).isPresent();
  }
}
