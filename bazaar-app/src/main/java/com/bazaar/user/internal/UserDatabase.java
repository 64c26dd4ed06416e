package com.bazaar.user.internal;

import com.bazaar.platform.data.DomainDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the users table lives: the main database (default), or the user domain's own
 * database when {@code bazaar.datasource.user.url} is set (profile {@code split}, see {@link
 * DomainDatabase}). The user domain needs no transaction: each of its writes is one statement.
 */
record UserDatabase(DomainDatabase database) implements AutoCloseable {
  JdbcClient jdbc() {
    return database.jdbc();
  }

  @Override
  public void close() {
    database.close();
  }
}
