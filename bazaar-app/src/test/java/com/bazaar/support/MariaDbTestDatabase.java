package com.bazaar.support;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Drops the throw-away database of a MariaDB test context when the context closes; "if exists",
 * as two contexts of one test may share it (CatalogCacheAcrossNodesOnReplicaTest).
 */
@Component
@Profile("mariadb")
class MariaDbTestDatabase {
  private final DataSource dataSource;

  MariaDbTestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @PreDestroy
  void drop() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      String database = connection.getCatalog();
      if (database != null && database.startsWith("bazaar_test_")) {
        statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        // The domain databases of the split layout (profile split), if there are any.
        for (String domain : SplitMariaDbDatabases.DOMAINS) {
          statement.execute("DROP DATABASE IF EXISTS `" + database + "_" + domain + "`");
        }
      }
    }
  }
}
