package com.bazaar.support;

import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared Redis at 127.0.0.1:6379 (bin/ensure-redis starts it for bin/test). Other
 * suites use it at the same time, so each test works under its own random namespace and
 * deletes only that namespace's keys: never FLUSHALL.
 */
public final class RedisTestServer implements AutoCloseable {
  private final LettuceConnectionFactory connections;
  private final StringRedisTemplate redis;

  public RedisTestServer() {
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    connections.afterPropertiesSet();
    connections.start();
    redis = new StringRedisTemplate(connections);
  }

  public static String randomNamespace() {
    return "bazaar-test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public LettuceConnectionFactory connections() {
    return connections;
  }

  public StringRedisTemplate redis() {
    return redis;
  }

  /** The keys under this namespace. */
  public Set<String> keys(String namespace) {
    try (var cursor = redis.scan(ScanOptions.scanOptions().match(namespace + ":*").count(1000).build())) {
      return cursor.stream().collect(java.util.stream.Collectors.toSet());
    }
  }

  public void deleteNamespace(String namespace) {
    Set<String> keys = keys(namespace);
    if (!keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  @Override
  public void close() {
    connections.destroy();
  }
}
