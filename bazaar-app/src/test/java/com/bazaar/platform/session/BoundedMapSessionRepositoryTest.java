package com.bazaar.platform.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class BoundedMapSessionRepositoryTest {
  private final BoundedMapSessionRepository sessions = BoundedMapSessionRepository.withCapacity(3);

  @Test
  void theStoreNeverHoldsMoreSessionsThanItsCap() {
    for (int i = 0; i < 100; i++) {
      sessions.save(sessions.createSession());
    }

    assertThat(sessions.count()).isEqualTo(3);
  }

  @Test
  void theLeastRecentlyUsedSessionIsDroppedFirst() {
    MapSession first = saved();
    MapSession second = saved();
    MapSession third = saved();

    assertThat(sessions.findById(first.getId())).isNotNull(); // first is now the most recently used
    MapSession fourth = saved();

    assertThat(sessions.findById(second.getId())).as("idlest session").isNull();
    assertThat(sessions.findById(first.getId())).isNotNull();
    assertThat(sessions.findById(third.getId())).isNotNull();
    assertThat(sessions.findById(fourth.getId())).isNotNull();
  }

  @Test
  void expiredSessionsArePurged() {
    MapSession stale = sessions.createSession();
    stale.setMaxInactiveInterval(Duration.ofMinutes(30));
    stale.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
    sessions.save(stale);
    MapSession live = saved();

    sessions.purgeExpired();

    assertThat(sessions.count()).isEqualTo(1);
    assertThat(sessions.findById(live.getId())).isNotNull();
  }

  @Test
  void aCapBelowOneIsAConfigurationError() {
    assertThatThrownBy(() -> BoundedMapSessionRepository.withCapacity(0))
        .hasMessageContaining("bazaar.session.max-sessions");
  }

  private MapSession saved() {
    MapSession session = sessions.createSession();
    sessions.save(session);
    return session;
  }
}
