package com.bazaar.user.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.UserId;
import com.bazaar.platform.time.UtcColumns;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.user.AuthenticatedUser;
import com.bazaar.user.Role;
import com.bazaar.user.UserSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
  private static final String SUMMARY = "id, username, email, roles, enabled, created_at";
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
            roleColumn(roles), toColumn(at))
        .update();
  }

  public Optional<AuthenticatedUser> findByUsername(String username) {
    return jdbc.sql("SELECT id, username, password_hash, roles, enabled FROM users WHERE username_key = ?")
        .param(key(username))
        .query((rs, n) -> new AuthenticatedUser(
            rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
            parseRoles(rs.getString("roles")), rs.getBoolean("enabled")))
        .optional();
  }

  Optional<UserSummary> summary(long id) {
    return jdbc.sql("SELECT " + SUMMARY + " FROM users WHERE id = ?").param(id).query(Users::summary).optional();
  }

  Optional<UserSummary> summaryByUsername(String username) {
    return jdbc.sql("SELECT " + SUMMARY + " FROM users WHERE username_key = ?")
        .param(key(username))
        .query(Users::summary)
        .optional();
  }

  /** Newest first: ids are time-ordered. */
  List<UserSummary> page(PageSpec page) {
    return jdbc.sql("SELECT " + SUMMARY + " FROM users ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(page.size(), page.offset())
        .query(Users::summary)
        .list();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
  }

  /** Names starting with the prefix, in name order: a range of the unique username_key index. */
  List<UserSummary> pageByPrefix(String prefix, PageSpec page) {
    return jdbc.sql("SELECT " + SUMMARY + " FROM users WHERE username_key LIKE ? ESCAPE '!' ORDER BY username_key LIMIT ? OFFSET ?")
        .params(likePrefix(prefix), page.size(), page.offset())
        .query(Users::summary)
        .list();
  }

  long countByPrefix(String prefix) {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE username_key LIKE ? ESCAPE '!'")
        .param(likePrefix(prefix))
        .query(Long.class)
        .single();
  }

  Map<Long, String> usernames(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("SELECT id, username FROM users WHERE id IN (:ids)")
        .param("ids", List.copyOf(ids))
        .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("username")))
        .list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** What a session of the user may still do: its roles and whether the account is enabled. */
  Optional<Access> access(long id) {
    return jdbc.sql("SELECT roles, enabled FROM users WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Access(parseRoles(rs.getString("roles")), rs.getBoolean("enabled")))
        .optional();
  }

  void setEnabled(long id, boolean enabled) {
    jdbc.sql("UPDATE users SET enabled = ? WHERE id = ?").params(enabled, id).update();
  }

  void setRoles(long id, Set<Role> roles) {
    jdbc.sql("UPDATE users SET roles = ? WHERE id = ?").params(roleColumn(roles), id).update();
  }

  record Access(Set<Role> roles, boolean enabled) {}

  private static UserSummary summary(ResultSet rs, int row) throws SQLException {
    return new UserSummary(UserId.of(rs.getLong("id")), rs.getString("username"), rs.getString("email"),
        parseRoles(rs.getString("roles")), rs.getBoolean("enabled"), UtcColumns.instant(rs, "created_at"));
  }

  /** A LIKE pattern matching names that start with the prefix literally ('!' escapes the wildcards). */
  private static String likePrefix(String prefix) {
    return key(prefix).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  private static String roleColumn(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
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
