package com.bazaar.user.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the users table lives: the shared database (default), or the user domain's own
 * database when {@code bazaar.datasource.user.url} is set (profile {@code split}) — its own
 * Hikari pool, migrated by its own Flyway from {@code db/user}. Not a {@code DataSource}
 * bean, so the shared database stays the application's only one. The user domain needs no
 * transaction manager: each of its writes is one statement.
 */
final class UserDatabase implements AutoCloseable {
  private final JdbcClient jdbc;
  private final Optional<HikariDataSource> ownPool;

  private UserDatabase(JdbcClient jdbc, Optional<HikariDataSource> ownPool) {
    this.jdbc = jdbc;
    this.ownPool = ownPool;
  }

  static UserDatabase shared(JdbcClient shared) {
    return new UserDatabase(shared, Optional.empty());
  }

  static UserDatabase separate(UserDatabaseProperties properties) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("user");
    pool.setJdbcUrl(properties.url());
    pool.setUsername(properties.username());
    pool.setPassword(properties.password());
    pool.setMaximumPoolSize(properties.maximumPoolSize());
    Flyway.configure().dataSource(pool).locations("classpath:db/user").load().migrate();
    return new UserDatabase(JdbcClient.create(pool), Optional.of(pool));
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    ownPool.ifPresent(HikariDataSource::close);
  }
}
