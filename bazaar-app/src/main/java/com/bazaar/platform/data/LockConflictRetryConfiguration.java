package com.bazaar.platform.data;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LockConflictRetryProperties.class)
class LockConflictRetryConfiguration {
  @Bean
  LockConflictRetry lockConflictRetry(LockConflictRetryProperties properties) {
    return new LockConflictRetry(properties);
  }
}
