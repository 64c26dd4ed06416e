package com.bazaar.user.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table, in the user module's database ({@link DataLayout}). Usernames are unique regardless of case and
 * width (the NFKC case-folded key), and so are their look-alike skeletons, on every database.
 */
@Repository
public class Users {
  private final JdbcClient jdbc;

  Users(DataLayout layout) {
    this.jdbc = layout.of("user").jdbc();
  }

  public void insert(long id, String username, String email, String passwordHash, Set<Role> roles, Instant at) {
    jdbc.sql(
            """
            INSERT INTO users (id, username, username_key, username_skeleton, email, password_hash, roles, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, username, key(username), UsernameRules.skeleton(username), email, passwordHash,
            roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), toColumn(at))
        .update();
  }

  public Optional<AuthenticatedUser> findByUsername(String username) {
    return jdbc.sql("SELECT id, username, password_hash, roles FROM users WHERE username_key = ?")
        .param(key(username))
        .query((rs, n) -> new AuthenticatedUser(
            rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
            parseRoles(rs.getString("roles"))))
        .optional();
  }

  private static Set<Role> parseRoles(String roles) {
    return Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
  }

  /** Users registered before skeletons were stored, for {@link UsernameSkeletons}. */
  List<Unskeletoned> withoutSkeleton(long afterId, int limit) {
    return jdbc.sql("SELECT id, username FROM users WHERE username_skeleton IS NULL AND id > ? ORDER BY id LIMIT ?")
        .params(afterId, limit)
        .query((rs, n) -> new Unskeletoned(rs.getLong("id"), rs.getString("username")))
        .list();
  }

  void recordSkeleton(long id, String skeleton) {
    jdbc.sql("UPDATE users SET username_skeleton = ? WHERE id = ?").params(skeleton, id).update();
  }

  record Unskeletoned(long id, String username) {}

  private static String key(String username) {
    return UsernameRules.key(username);
  }
}
