package com.bazaar.user.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the user domain's database by configuration (see {@link UserDatabase}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserDatabaseProperties.class)
class UserDatabaseConfiguration {
  @Bean(destroyMethod = "close")
  UserDatabase userDatabase(UserDatabaseProperties properties, JdbcClient shared) {
    return properties.url().isBlank() ? UserDatabase.shared(shared) : UserDatabase.separate(properties);
  }
}
