package com.bazaar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** The outbox meters read the event publication table on MariaDB too, whose table names are case-sensitive. */
@RealEngines
@ActiveProfiles("mariadb")
class OutboxMetersOnMariaDbTest extends ApiTest {
  @Autowired OutboxMeters meters;

  @Test
  void theBacklogIsAFigureNotNaN() {
    await().atMost(Duration.ofSeconds(30)).until(() -> meters.backlog() == 0);
    assertThat(meters.oldestAgeSeconds()).isZero();
  }
}
