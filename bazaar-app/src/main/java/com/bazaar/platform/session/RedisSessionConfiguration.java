package com.bazaar.platform.session;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

/**
 * Cluster adapter of the session store: sessions live in Redis under
 * {@code bazaar.session.namespace}, so any node serves any logged-in shopper and a node
 * that dies logs nobody out. Ids still rotate at login (Spring Security's session-fixation
 * protection changes the id in whichever store is in use).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession(redisNamespace = "${bazaar.session.namespace}")
@ConditionalOnProperty(name = "bazaar.session.type", havingValue = "redis")
class RedisSessionConfiguration {

  @Bean
  SessionRepositoryCustomizer<RedisSessionRepository> sessionTimeout(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }
}
