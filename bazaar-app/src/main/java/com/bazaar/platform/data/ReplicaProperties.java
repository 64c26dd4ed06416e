package com.bazaar.platform.data;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.replica.*}: the read replica (profile {@code replica}). A user's reads stay on
 * the primary for {@code readYourWritesWindow} after a write of theirs; all reads leave the
 * replica while it lags more than {@code maxLag} or is unreachable, as seen by a check every
 * {@code checkInterval}.
 */
@ConfigurationProperties("bazaar.replica")
record ReplicaProperties(
    boolean enabled,
    String url,
    String username,
    String password,
    int maximumPoolSize,
    Duration readYourWritesWindow,
    Duration maxLag,
    Duration checkInterval) {
  ReplicaProperties {
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    maximumPoolSize = maximumPoolSize < 1 ? 20 : maximumPoolSize;
    readYourWritesWindow = readYourWritesWindow == null ? Duration.ofSeconds(2) : readYourWritesWindow;
    maxLag = maxLag == null ? Duration.ofSeconds(5) : maxLag;
    checkInterval = checkInterval == null ? Duration.ofMillis(500) : checkInterval;
    if (enabled && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("bazaar.replica.url is required when bazaar.replica.enabled=true");
    }
  }
}
