package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.RealEngines;
import com.bazaar.support.RedisTestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;

/**
 * Two nodes' caches in one JVM over the real Redis: each node has its own Caffeine level,
 * its own invalidation subscriber and its own connection, as two processes would.
 */
@RealEngines
class TwoLevelCacheTest {
  private final RedisTestServer server = new RedisTestServer();
  private final String namespace = RedisTestServer.randomNamespace();
  private final CacheProperties properties = new CacheProperties(
      "two-level", List.of("items"), 1000, Duration.ofMinutes(10), 0.2,
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMillis(200), namespace);
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    server.deleteNamespace(namespace);
    server.close();
  }

  @Test
  void aWriteOnOneNodeReachesEveryNodesLocalCopyWithinOneSecond() {
    Cache a = node();
    Cache b = node();
    assertThat(b.get(42L, () -> "old title")).isEqualTo("old title");
    assertThat(a.get(42L, () -> "old title")).as("A found it in Redis").isEqualTo("old title");

    a.evict(42L); // what node A does after committing a change of item 42

    AtomicInteger reloads = new AtomicInteger();
    await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
        .until(() -> b.get(42L, () -> { reloads.incrementAndGet(); return "new title"; }), "new title"::equals);
    assertThat(reloads).hasValue(1);
  }

  /**
   * A clear (the listings cache's, after an item change commits) cannot wait for a load in flight
   * on another node, which stores the old value after it, in Redis and in that node's Caffeine:
   * the clear is repeated after {@code secondEvictionDelay}, as an eviction is.
   */
  @Test
  void aClearIsRepeatedForALoadThatWasInFlightOnAnotherNode() throws Exception {
    Cache a = node();
    Cache b = node();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch cleared = new CountDownLatch(1);
    Thread lateLoad = new Thread(() -> b.get(1L, () -> {
      loading.countDown();
      cleared.await();
      return "old page";
    }));
    lateLoad.start();
    assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

    a.clear(); // what node A does after committing an item change
    cleared.countDown();
    lateLoad.join(5_000);
    assertThat(b.get(1L)).as("the late load stored the old page after the clear")
        .extracting(Cache.ValueWrapper::get).isEqualTo("old page");

    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> "new page".equals(a.get(1L, () -> "new page")) && "new page".equals(b.get(1L, () -> "new page")));
  }

  @Test
  void aHotKeyMissedByOneHundredConcurrentReadersIsLoadedOnce() throws Exception {
    Cache a = node();
    assertThat(Stampede.loadsOfAHotKey(a)).isEqualTo(1);
  }

  @Test
  void unknownIdsAreRememberedBrieflySoTheyCostOneLoadForAllNodes() {
    Cache a = node();
    Cache b = node();
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 20; i++) {
      String onA = a.get(999L, () -> absent(loads));
      String onB = b.get(999L, () -> absent(loads));
      assertThat(onA).isNull();
      assertThat(onB).isNull();
    }
    assertThat(loads).as("one load for both nodes: B finds A's \"absent\" in Redis").hasValue(1);
    for (int i = 0; i < 20; i++) {
      String onA = a.get(999L, () -> absent(loads));
      String onB = b.get(999L, () -> absent(loads));
      assertThat(onA).isNull();
      assertThat(onB).isNull();
    }
    assertThat(loads).as("remembered on both nodes").hasValue(1);
    long ttl = server.redis().getExpire(namespace + ":items::999", TimeUnit.MILLISECONDS);
    assertThat(ttl).isPositive().isLessThanOrEqualTo(properties.absentTtl().toMillis());
  }

  /**
   * The next node reads Redis right after this one returns, over its own connection: what a
   * load stored or an eviction removed must be in Redis by then, not on its way (Spring Data
   * Redis writes a Lettuce cache asynchronously unless told otherwise).
   */
  @Test
  void aLoadOrAnEvictionIsInRedisWhenTheCallReturns() {
    Cache a = node();
    RedisTestServer nextNode = new RedisTestServer();
    closeables.add(nextNode);
    List<Long> notYetStored = new ArrayList<>();
    List<Long> notYetEvicted = new ArrayList<>();
    for (long id = 1; id <= 500; id++) {
      long value = id;
      a.get(id, () -> "item " + value);
      if (!Boolean.TRUE.equals(nextNode.redis().hasKey(namespace + ":items::" + id))) {
        notYetStored.add(id);
      }
      a.evict(id);
      if (Boolean.TRUE.equals(nextNode.redis().hasKey(namespace + ":items::" + id))) {
        notYetEvicted.add(id);
      }
    }
    assertThat(notYetStored).as("loaded but not in Redis yet").isEmpty();
    assertThat(notYetEvicted).as("evicted but still in Redis").isEmpty();
  }

  @Test
  void entriesLoadedTogetherExpireSpreadOut() {
    Cache a = node();
    for (long id = 1; id <= 50; id++) {
      long value = id;
      a.get(id, () -> "item " + value);
    }
    Set<Long> ttlSeconds = new HashSet<>();
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long id = 1; id <= 50; id++) {
      long ttl = server.redis().getExpire(namespace + ":items::" + id, TimeUnit.MILLISECONDS);
      assertThat(ttl).isBetween((long) (properties.ttl().toMillis() * 0.8) - 5000, properties.ttl().toMillis());
      ttlSeconds.add(ttl / 1000);
      min = Math.min(min, ttl);
      max = Math.max(max, ttl);
    }
    assertThat(ttlSeconds).as("distinct expiry seconds").hasSizeGreaterThan(20);
    assertThat(max - min).as("spread of TTLs").isGreaterThan(properties.ttl().toMillis() / 10);
  }

  /** A record as this version of the code has it; another version may have written it differently. */
  record Shape(long id, String title) {}

  @Test
  void anEntryWithAFieldThisVersionDoesNotKnowIsReadWithoutIt() {
    Cache a = node(Shape.class);
    server.redis().opsForValue().set(namespace + ":items::7", "{\"id\":7,\"title\":\"by a newer node\",\"rating\":5}");

    assertThat(a.get(7L, () -> new Shape(7, "loaded"))).isEqualTo(new Shape(7, "by a newer node"));
  }

  @Test
  void anEntryLackingAFieldOrNotJsonIsAMissAndIsReplacedByThisVersionsShape() {
    Cache a = node(Shape.class);
    server.redis().opsForValue().set(namespace + ":items::8", "{\"id\":8}");
    byte[] jdkSerialized = new JdkSerializationRedisSerializer().serialize(new java.util.HashMap<>(Map.of("id", 9L)));
    server.redis().execute((RedisCallback<Object>) redis ->
        redis.stringCommands().set((namespace + ":items::9").getBytes(StandardCharsets.UTF_8), jdkSerialized));

    assertThat(a.get(8L, () -> new Shape(8, "loaded"))).isEqualTo(new Shape(8, "loaded"));
    assertThat(a.get(9L, () -> new Shape(9, "loaded"))).isEqualTo(new Shape(9, "loaded"));
    assertThat(server.redis().opsForValue().get(namespace + ":items::8")).isEqualTo("{\"id\":8,\"title\":\"loaded\"}");
    assertThat(node(Shape.class).get(9L)).as("another node reads the replaced entry")
        .extracting(Cache.ValueWrapper::get).isEqualTo(new Shape(9, "loaded"));
  }

  private static String absent(AtomicInteger loads) {
    loads.incrementAndGet();
    return null;
  }

  /**
   * 300 invalidations reach the other node without a thread started for each: Spring Data Redis's
   * default started one per message on every node, so each write cost every node a thread start
   * twice (its eviction and the second one).
   */
  @Test
  void invalidationsReachTheOtherNodeWithoutAThreadStartedForEach() {
    Cache a = node();
    Cache b = node();
    for (long id = 1; id <= 300; id++) {
      b.get(id, () -> "old");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();

    for (long id = 1; id <= 300; id++) {
      a.evict(id);
    }
    // delivered in order on one thread: once the last is in, so are the others
    await().atMost(Duration.ofSeconds(10)).until(() -> b.get(300L, () -> "new"), "new"::equals);

    assertThat(threads.getTotalStartedThreadCount() - startedBefore).isLessThan(30);
  }

  /** One node: its own listener container (subscription) and cache manager. */
  private Cache node() {
    return node(String.class);
  }

  private Cache node(Class<?> valueType) {
    CacheInvalidations invalidations =
        new CacheInvalidations(server.redis(), namespace, properties.secondEvictionDelay());
    CacheManager caches = TwoLevelCacheConfiguration.twoLevelCaches(server.connections(), invalidations, properties,
        List.of(CachedValueType.of("items", valueType)), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    ExecutorService delivery = Executors.newSingleThreadExecutor();
    RedisMessageListenerContainer listener = TwoLevelCacheConfiguration.invalidationListener(
        new RedisMessageListenerContainer(), server.connections(), invalidations, delivery);
    listener.afterPropertiesSet();
    listener.start();
    closeables.add(() -> {
      listener.stop();
      listener.destroy();
      delivery.shutdownNow();
    });
    closeables.add(invalidations);
    awaitSubscribed(listener);
    return caches.getCache("items");
  }

  private static void awaitSubscribed(RedisMessageListenerContainer listener) {
    await().atMost(Duration.ofSeconds(5)).until(listener::isListening);
  }
}
