package com.bazaar.platform.lock;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Redis adapter: the lock is a key set with {@code SET NX PX} to a token only this holder
 * knows. Release and renewal are Lua scripts that act only while the key still holds that
 * token, so a holder whose lease ran out can never free or extend the next holder's lock.
 *
 * <p>A holder that dies stops renewing and the key expires after the lease: another node
 * takes over then. A live holder renews every third of the lease, so a task may outlive
 * the lease as long as its node lives (a holder cut off from Redis for a whole lease may
 * overlap with the next one: the lease is the bound of that window, not a fencing token).
 */
@Component
@ConditionalOnProperty(name = "bazaar.lock.type", havingValue = "redis")
final class RedisDistributedLock implements DistributedLock, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisDistributedLock.class);
  private static final RedisScript<Long> RELEASE = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
      Long.class);
  private static final RedisScript<Long> RENEW = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
      Long.class);

  private final StringRedisTemplate redis;
  private final String namespace;
  private final ScheduledExecutorService renewals =
      Executors.newSingleThreadScheduledExecutor(RedisDistributedLock::renewalThread);

  RedisDistributedLock(StringRedisTemplate redis, @Value("${bazaar.lock.namespace}") String namespace) {
    this.redis = redis;
    this.namespace = namespace;
  }

  @Override
  public boolean tryRun(String name, Duration lease, Runnable task) {
    String key = namespace + ":" + name;
    String token = UUID.randomUUID().toString();
    if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, lease))) {
      return false;
    }
    long every = Math.max(1, lease.toMillis() / 3);
    ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(
        () -> renew(key, token, lease), every, every, TimeUnit.MILLISECONDS);
    try {
      task.run();
      return true;
    } finally {
      renewal.cancel(false);
      redis.execute(RELEASE, List.of(key), token);
    }
  }

  private void renew(String key, String token, Duration lease) {
    try {
      Long renewed = redis.execute(RENEW, List.of(key), token, String.valueOf(lease.toMillis()));
      if (renewed == null || renewed == 0) {
        log.warn("lock {} was lost before its task finished (lease {} ran out)", key, lease);
      }
    } catch (RuntimeException e) {
      log.warn("could not renew lock {}; it expires after {} unless a later renewal succeeds", key, lease, e);
    }
  }

  private static Thread renewalThread(Runnable renewal) {
    Thread thread = new Thread(renewal, "lock-renewal");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
