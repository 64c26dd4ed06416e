package com.bazaar.platform.data;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.replica.*}: the read replica (profile {@code replica}). A user's reads stay on
 * the primary for {@code readYourWritesWindow} after a write of theirs; all reads leave the
 * replica while it lags more than {@code maxLag} or is unreachable, as seen by a check every
 * {@code checkInterval}. {@code fence} says where the GTID fence of the last catalog write lives:
 * in this JVM ({@code local}) or in Redis ({@code redis}, under {@code fence.key}) where every
 * node of a cluster honours it.
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
    Duration checkInterval,
    Fence fence,
    ReplicaReads reads) {
  ReplicaProperties {
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    maximumPoolSize = maximumPoolSize < 1 ? 20 : maximumPoolSize;
    readYourWritesWindow = readYourWritesWindow == null ? Duration.ofSeconds(2) : readYourWritesWindow;
    maxLag = maxLag == null ? Duration.ofSeconds(5) : maxLag;
    checkInterval = checkInterval == null ? Duration.ofMillis(500) : checkInterval;
    fence = fence == null ? new Fence("local", null) : fence;
    reads = reads == null ? ReplicaReads.BALANCED : reads;
    if (enabled && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("bazaar.replica.url is required when bazaar.replica.enabled=true");
    }
  }

  /** {@code bazaar.replica.fence.type} ({@code local} or {@code redis}) and {@code .key}. */
  record Fence(String type, @Nullable String key) {
    Fence {
      type = type == null ? "local" : type;
      if (!type.equals("local") && !type.equals("redis")) {
        throw new IllegalArgumentException("bazaar.replica.fence.type must be local or redis, was " + type);
      }
      if (type.equals("redis") && (key == null || key.isBlank())) {
        throw new IllegalArgumentException("bazaar.replica.fence.key is required when bazaar.replica.fence.type=redis");
      }
    }

    boolean shared() {
      return type.equals("redis");
    }
  }
}
