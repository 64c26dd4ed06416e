package com.bazaar.platform.data;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.lock-conflict-retry.*}: how often, and after how long, a transaction rolled back
 * by a deadlock or a lock wait timeout runs again ({@link LockConflictRetry}). The delay doubles
 * on each retry up to {@code maxDelay}, each with up to {@code jitter} added or taken off.
 */
@ConfigurationProperties("bazaar.lock-conflict-retry")
public record LockConflictRetryProperties(int maxRetries, Duration delay, Duration jitter, Duration maxDelay) {
  public LockConflictRetryProperties {
    maxRetries = maxRetries < 0 ? 0 : maxRetries;
    delay = delay == null ? Duration.ofMillis(20) : delay;
    jitter = jitter == null ? Duration.ofMillis(10) : jitter;
    maxDelay = maxDelay == null ? Duration.ofMillis(500) : maxDelay;
  }
}
