package com.bazaar.user;

import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.id.IdGenerator;
import com.bazaar.user.internal.Users;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration of new accounts. Passwords are stored only as BCrypt hashes. */
@Service
public class UserAccounts {
  /** BCrypt reads at most 72 bytes; a longer password would be silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

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
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new InvalidInput("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
    }
    long id = ids.nextId();
    String hash = passwordEncoder.encode(password);
    try {
      users.insert(id, username, email, hash, roles, clock.instant());
    } catch (DuplicateKeyException e) {
      throw new UsernameTaken(username);
    }
    return new AuthenticatedUser(id, username, null, roles);
  }

  public boolean exists(String username) {
    return users.findByUsername(username).isPresent();
  }
}
