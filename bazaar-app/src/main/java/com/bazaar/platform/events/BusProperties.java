package com.bazaar.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.bus.*}: which bus carries {@link BusEvent}s and, for RabbitMQ, how.
 *
 * @param type {@code embedded} (default: in-process, from the outbox) or {@code rabbit}
 * @param prefix first word of every exchange and queue name, so that deployments (and test
 *     runs) sharing a broker never meet
 * @param maxAttempts deliveries of a message before it goes to its dead-letter queue
 * @param firstRetryDelay pause before the second attempt; doubled each time after
 * @param confirmTimeout how long the relay waits for the broker's publisher confirm
 * @param delayGrace added to a delayed subscription's delay, so the message never arrives
 *     before the moment it waits for
 */
@ConfigurationProperties("bazaar.bus")
public record BusProperties(
    Type type, String prefix, int maxAttempts, Duration firstRetryDelay, Duration confirmTimeout, Duration delayGrace) {

  public enum Type {
    EMBEDDED,
    RABBIT
  }

  public BusProperties {
    type = type == null ? Type.EMBEDDED : type;
    prefix = prefix == null || prefix.isBlank() ? "bazaar" : prefix;
    maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
    firstRetryDelay = firstRetryDelay == null ? Duration.ofMillis(500) : firstRetryDelay;
    confirmTimeout = confirmTimeout == null ? Duration.ofSeconds(10) : confirmTimeout;
    delayGrace = delayGrace == null ? Duration.ofSeconds(2) : delayGrace;
  }
}
