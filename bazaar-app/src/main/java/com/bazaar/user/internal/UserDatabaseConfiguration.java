package com.bazaar.user.internal;

import com.bazaar.platform.data.DomainDatabase;
import com.bazaar.platform.data.DomainDatabases;
import com.bazaar.platform.data.ReadRoutings;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses the user domain's database by configuration (see {@link UserDatabase}). */
@Configuration(proxyBeanMethods = false)
class UserDatabaseConfiguration {
  @Bean(destroyMethod = "close")
  UserDatabase userDatabase(
      Environment environment, DataSource main, JdbcClient migratedMain, PlatformTransactionManager transactions,
      ReadRoutings reads, DomainDatabases databases) {
    return new UserDatabase(databases.register("user",
        DomainDatabase.configured("user", List.of("users"), environment, main, migratedMain, transactions, reads)));
  }
}
