package com.bazaar.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator sees it: {@code bazaar.outbox.backlog} (publications not yet
 * completed) and {@code bazaar.outbox.oldest.age} (seconds since the oldest of them was
 * recorded). A backlog that only grows, or an old publication, means events are not reaching
 * the broker or a listener keeps failing. Read from the event publication table at scrape time
 * (every node reports the same shared figure); NaN when the database does not answer.
 */
@Component
final class OutboxMeters {
  private static final Logger log = LoggerFactory.getLogger(OutboxMeters.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxMeters(DataSource dataSource, Clock clock, MeterRegistry meters) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(2);
    this.clock = clock;
    Gauge.builder("bazaar.outbox.backlog", this, OutboxMeters::backlog)
        .description("outbox publications not completed yet").register(meters);
    Gauge.builder("bazaar.outbox.oldest.age", this, OutboxMeters::oldestAgeSeconds)
        .baseUnit("seconds").description("age of the oldest incomplete outbox publication").register(meters);
  }

  double backlog() {
    return incomplete().map(Incomplete::count).orElse(Double.NaN);
  }

  double oldestAgeSeconds() {
    return incomplete().map(row -> row.oldest() == null ? 0.0
        : Math.max(0, Duration.between(row.oldest().toInstant(), clock.instant()).toMillis() / 1000.0))
        .orElse(Double.NaN);
  }

  private Optional<Incomplete> incomplete() {
    // Upper case, as Spring Modulith creates the table: MariaDB's table names are case-sensitive.
    try {
      return Optional.ofNullable(jdbc.queryForObject(
          "SELECT COUNT(*), MIN(PUBLICATION_DATE) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL",
          (rs, row) -> new Incomplete(rs.getLong(1), rs.getTimestamp(2))));
    } catch (DataAccessException e) {
      log.debug("outbox meters: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private record Incomplete(double count, Timestamp oldest) {}
}
