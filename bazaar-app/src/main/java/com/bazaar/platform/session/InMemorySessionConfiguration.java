package com.bazaar.platform.session;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * The session-store port is Spring Session's {@code SessionRepository}; this embedded adapter
 * keeps at most {@code bazaar.session.max-sessions} sessions in this JVM's memory (the cluster
 * swaps in {@link RedisSessionConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@ConditionalOnProperty(name = "bazaar.session.type", havingValue = "memory", matchIfMissing = true)
class InMemorySessionConfiguration {

  @Bean
  BoundedMapSessionRepository sessionRepository(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout,
      @Value("${bazaar.session.max-sessions}") int maxSessions) {
    BoundedMapSessionRepository repository = BoundedMapSessionRepository.withCapacity(maxSessions);
    repository.setDefaultMaxInactiveInterval(timeout);
    return repository;
  }

  @Bean
  ExpiredSessionPurge expiredSessionPurge(BoundedMapSessionRepository sessions) {
    return new ExpiredSessionPurge(sessions);
  }

  /** Drops expired sessions every {@code bazaar.session.purge-interval}. */
  static final class ExpiredSessionPurge {
    private final BoundedMapSessionRepository sessions;

    ExpiredSessionPurge(BoundedMapSessionRepository sessions) {
      this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${bazaar.session.purge-interval:1m}")
    void purge() {
      sessions.purgeExpired();
    }
  }
}
