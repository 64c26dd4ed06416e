package com.bazaar.platform.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's delivery guarantee. Events are written to the event publication table in the
 * same transaction as the change that raised them (Spring Modulith's registry); a listener
 * that failed, or a node that died before delivering, leaves the publication incomplete,
 * and this job hands it to its listener again. At-least-once: listeners are idempotent.
 */
@Component
final class OutboxRetry {
  private final IncompleteEventPublications incomplete;
  private final Duration retryAfter;

  OutboxRetry(
      IncompleteEventPublications incomplete,
      @Value("${bazaar.outbox.retry-after:30s}") Duration retryAfter) {
    this.incomplete = incomplete;
    this.retryAfter = retryAfter;
  }

  @Scheduled(fixedDelayString = "${bazaar.outbox.retry-interval:15s}")
  void resubmitStalePublications() {
    incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
  }
}
