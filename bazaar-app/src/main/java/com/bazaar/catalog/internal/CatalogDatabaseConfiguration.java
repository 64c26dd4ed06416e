package com.bazaar.catalog.internal;

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

/** Chooses the catalog's database by configuration (see {@link CatalogDatabase}). */
@Configuration(proxyBeanMethods = false)
class CatalogDatabaseConfiguration {
  @Bean(destroyMethod = "close")
  CatalogDatabase catalogDatabase(
      Environment environment, DataSource main, JdbcClient migratedMain, PlatformTransactionManager transactions,
      ReadRoutings reads, DomainDatabases databases) {
    return new CatalogDatabase(databases.register("catalog",
        DomainDatabase.configured("catalog", List.of("items", "categories"), environment, main, migratedMain, transactions, reads)));
  }
}
