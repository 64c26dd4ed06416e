package com.bazaar.platform.data;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The main database's migrations, in Spring Boot's Flyway step (so every bean that uses the
 * database starts after them): the parts the {@link DataLayout} keeps in the main database, each
 * from its module's folder. {@code spring.flyway.*} still configures the connection.
 */
@Configuration(proxyBeanMethods = false)
class DataLayoutConfiguration {
  @Bean
  FlywayMigrationStrategy dataLayoutMigrations(Environment environment) {
    return flyway -> Migrations.migrate(flyway.getConfiguration().getDataSource(),
        DataLayout.inMainDatabase(environment), "", DataLayout.migrationRoots(environment));
  }
}
