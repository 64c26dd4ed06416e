package com.bazaar.platform.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tells every node to drop its local copy of a key, over Redis pub/sub on
 * {@code <namespace>:cache-invalidations}. Messages are {@code cache|key} ({@code cache|*}
 * clears the cache) and reach the other nodes within milliseconds while they are subscribed.
 *
 * <p>Cache-aside has one race no first eviction can close: a node that read the old row
 * just before the commit may store it in Redis just after the eviction. So each eviction is
 * repeated once after {@code secondEvictionDelay} ("delayed double delete"); the window for
 * a stale read is that delay, and {@code localTtl} for a node that missed a message. A clear
 * of a whole cache is repeated the same way.
 */
final class CacheInvalidations implements MessageListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CacheInvalidations.class);
  private static final String ALL = "*";

  private final StringRedisTemplate redis;
  private final String channel;
  private final Duration secondEvictionDelay;
  private final Map<String, TwoLevelCache> caches = new ConcurrentHashMap<>();
  private final ScheduledExecutorService later =
      Executors.newSingleThreadScheduledExecutor(CacheInvalidations::evictionThread);

  CacheInvalidations(StringRedisTemplate redis, String namespace, Duration secondEvictionDelay) {
    this.redis = redis;
    this.channel = namespace + ":cache-invalidations";
    this.secondEvictionDelay = secondEvictionDelay;
  }

  String channel() {
    return channel;
  }

  void register(TwoLevelCache cache) {
    caches.put(cache.getName(), cache);
  }

  void publish(String cacheName, String key) {
    send(cacheName + "|" + key);
  }

  void publishClear(String cacheName) {
    send(cacheName + "|" + ALL);
  }

  void evictAgainLater(String cacheName, Runnable evictShared, String key) {
    // The task logs its own failures: an exception thrown by a scheduled task would wait unread
    // in its future, so there is nothing left in it to look at.
    ScheduledFuture<?> unused = later.schedule(
        () -> evictAgain(cacheName, evictShared, key), secondEvictionDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** As {@link #evictAgainLater} for a whole cache: a load in flight on any node during a clear. */
  void clearAgainLater(String cacheName, Runnable clearShared) {
    evictAgainLater(cacheName, clearShared, ALL);
  }

  private void evictAgain(String cacheName, Runnable evictShared, String key) {
    try {
      evictShared.run();
    } catch (RuntimeException e) {
      log.warn("second eviction of {}|{} from Redis failed; its TTL bounds it", cacheName, key, e);
    }
    try {
      TwoLevelCache cache = caches.get(cacheName);
      if (cache != null) {
        dropLocal(cache, key);
      }
      publish(cacheName, key);
    } catch (RuntimeException e) {
      log.warn("second eviction of {}|{} on the nodes failed; localTtl bounds it", cacheName, key, e);
    }
  }

  /** Also receives this node's own messages: evicting an already evicted key is harmless. */
  @Override
  public void onMessage(Message message, byte @Nullable [] pattern) {
    String body = new String(message.getBody(), StandardCharsets.UTF_8);
    int bar = body.indexOf('|');
    TwoLevelCache cache = bar < 0 ? null : caches.get(body.substring(0, bar));
    if (cache == null) {
      log.warn("ignoring cache invalidation for no known cache: {}", body);
      return;
    }
    dropLocal(cache, body.substring(bar + 1));
  }

  /** Evicts {@code key} from this node's level, or clears it for {@link #ALL}. */
  private static void dropLocal(TwoLevelCache cache, String key) {
    if (ALL.equals(key)) {
      cache.clearLocal();
    } else {
      cache.evictLocal(key);
    }
  }

  private void send(String message) {
    try {
      redis.convertAndSend(channel, message);
    } catch (RuntimeException e) {
      // The write has committed; the others fall back on localTtl for this key.
      log.warn("could not broadcast cache invalidation {}", message, e);
    }
  }

  private static Thread evictionThread(Runnable eviction) {
    Thread thread = new Thread(eviction, "cache-second-eviction");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    later.shutdownNow();
  }
}
