package com.bazaar.platform.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The fence in Redis, seen by every node: a hash from GTID domain to the highest sequence number
 * any node raised. A node that did not make a write would otherwise not know that the replica
 * is behind it, and could load the old row from the replica — and put it into the shared cache
 * for every node to serve (docs/data-tier.md, rule 4).
 *
 * <p>Each read the replica might answer asks Redis for the fence (one round trip, far cheaper
 * than the database read it guards). When Redis does not answer, no position is safe and reads
 * stay on the primary. This node's own writes are fenced locally as well, so a Redis that fails
 * during a write still keeps at least the writer's readers off the stale replica.
 */
final class RedisWriteFence implements WriteFence {
  private static final Logger log = LoggerFactory.getLogger(RedisWriteFence.class);

  /**
   * Long past any lag at which the replica is allowed to serve (max-lag, seconds), so an expired
   * fence has been applied long ago; it lets a rebuilt replica pair, whose GTIDs start again at
   * 1, serve again within the hour instead of never.
   */
  static final Duration LIFETIME = Duration.ofHours(1);

  /** ARGV: lifetime in ms, then domain, sequence pairs; a sequence only ever grows. */
  private static final RedisScript<Long> RAISE = RedisScript.of("""
      for i = 2, #ARGV, 2 do
        local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
        if tonumber(ARGV[i + 1]) > current then
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
        end
      end
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
      return 1""", Long.class);

  private final StringRedisTemplate redis;
  private final String key;
  private final LocalWriteFence local = new LocalWriteFence();
  private volatile boolean unreachable;

  RedisWriteFence(StringRedisTemplate redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  @Override
  public void raise(GtidPosition written) {
    local.raise(written);
    if (written.equals(GtidPosition.NEVER)) {
      return; // nothing the other nodes could compare with
    }
    List<String> arguments = new ArrayList<>();
    arguments.add(String.valueOf(LIFETIME.toMillis()));
    written.sequenceByDomain().forEach((domain, sequence) -> {
      arguments.add(String.valueOf(domain));
      arguments.add(String.valueOf(sequence));
    });
    try {
      redis.execute(RAISE, List.of(key), arguments.toArray());
    } catch (DataAccessException e) {
      log.warn("could not share the replica fence {} in Redis: other nodes may read the replica before it "
          + "applied this write, for as long as it lags", written, e);
    }
  }

  @Override
  public GtidPosition position() {
    try {
      Map<Object, Object> shared = redis.opsForHash().entries(key);
      reachable();
      Map<Long, Long> sequences = new TreeMap<>();
      shared.forEach((domain, sequence) ->
          sequences.put(Long.parseLong(domain.toString()), Long.parseLong(sequence.toString())));
      return local.position().union(new GtidPosition(sequences));
    } catch (DataAccessException e) {
      if (!unreachable) {
        unreachable = true;
        log.warn("replica fence unknown (Redis does not answer): reads stay on the primary", e);
      }
      return GtidPosition.NEVER;
    }
  }

  private void reachable() {
    if (unreachable) {
      unreachable = false;
      log.info("replica fence readable in Redis again");
    }
  }
}
