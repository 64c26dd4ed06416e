package com.bazaar.platform.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * The session-store port is Spring Session's {@code SessionRepository}; this embedded adapter
 * keeps sessions in this JVM's memory (the cluster swaps in {@link RedisSessionConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@ConditionalOnProperty(name = "bazaar.session.type", havingValue = "memory", matchIfMissing = true)
class InMemorySessionConfiguration {
  private final Map<String, org.springframework.session.Session> sessions = new ConcurrentHashMap<>();

  @Bean
  MapSessionRepository sessionRepository(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    MapSessionRepository repository = new MapSessionRepository(sessions);
    repository.setDefaultMaxInactiveInterval(timeout);
    return repository;
  }

  /** MapSessionRepository only notices expiry on read; this keeps abandoned sessions from piling up. */
  @Scheduled(fixedDelayString = "${bazaar.session.purge-interval:1m}")
  void purgeExpiredSessions() {
    sessions.values().removeIf(org.springframework.session.Session::isExpired);
  }
}
