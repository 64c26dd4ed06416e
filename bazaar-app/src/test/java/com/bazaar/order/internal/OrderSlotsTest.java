package com.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.id.SnowflakeIdGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

/**
 * Buyers spread over every slot and both databases. User ids are Snowflake ids; a buyer who
 * registers alone in their millisecond gets sequence 0, so the id's low bits are all zero and
 * {@code buyer_id mod 8} would have put every one of them in slot 0 (ds_0.orders_0).
 */
class OrderSlotsTest {
  private static final int BUYERS = 1_000;
  private static final int DATABASES = 2;
  private static final int TABLES_PER_DATABASE = 4;
  /**
   * How far a count may stray from its expectation, in standard deviations of the binomial
   * count. For a fair hash a count leaves mean ± 5σ with probability below 6e-7; the ids
   * below are fixed, so the test is deterministic either way.
   */
  private static final double SIGMAS = 5;

  @Test
  void buyersRegisteredOneAtATimeSpreadOverEverySlotAndBothDatabases() {
    List<Long> buyers = snowflakeIdsEachAloneInItsMillisecond(BUYERS);
    OrderSlotSharding databaseLevel = algorithm("database");
    OrderSlotSharding tableLevel = algorithm("table");
    List<String> databases = targets("ds_", DATABASES);
    List<String> tables = targets("orders_", TABLES_PER_DATABASE);

    int[] perSlot = new int[OrderSlots.SLOTS];
    int[] perDatabase = new int[DATABASES];
    for (long buyer : buyers) {
      int database = index(databaseLevel.doSharding(databases, byBuyer(buyer)));
      int table = index(tableLevel.doSharding(tables, byBuyer(buyer)));
      int slot = OrderSlots.ofBuyer(buyer);
      assertThat(database * TABLES_PER_DATABASE + table).as("buyer %d's physical table is its slot", buyer)
          .isEqualTo(slot);
      perSlot[slot]++;
      perDatabase[database]++;
    }

    String distribution = "per slot " + Arrays.toString(perSlot) + ", per database " + Arrays.toString(perDatabase);
    for (int count : perSlot) {
      assertWithinBinomialTolerance(count, 1.0 / OrderSlots.SLOTS, distribution);
    }
    for (int count : perDatabase) {
      assertWithinBinomialTolerance(count, 1.0 / DATABASES, distribution);
    }
  }

  @Test
  void theSlotDependsOnTheWholeIdNotOnItsLowBits() {
    long[] sameLowBits = IntStream.range(0, 64).mapToLong(i -> (long) i << 22).toArray();
    assertThat(Arrays.stream(sameLowBits).mapToInt(OrderSlots::ofBuyer).distinct().count())
        .as("ids that differ only in their time bits").isEqualTo(OrderSlots.SLOTS);
  }

  @Test
  void everyIdHasASlotAndAnOrderIdNamesTheSlotItCarries() {
    for (long buyer : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
      assertThat(OrderSlots.ofBuyer(buyer)).isBetween(0, OrderSlots.SLOTS - 1);
    }
    assertThat(OrderSlots.ofOrder(0b1010_110)).isEqualTo(0b110);
  }

  /** A count of BUYERS trials with success probability p stays within SIGMAS standard deviations of its mean. */
  private static void assertWithinBinomialTolerance(int count, double p, String distribution) {
    double mean = BUYERS * p;
    double tolerance = SIGMAS * Math.sqrt(BUYERS * p * (1 - p));
    assertThat((double) count).as(distribution).isBetween(mean - tolerance, mean + tolerance);
  }

  /**
   * Ids in the Snowflake layout (41 bits of ms since the epoch, 10 bits of worker, 12 bits of
   * sequence) as buyers get them when each registers alone in their millisecond: sequence 0,
   * a few nodes, one to five seconds apart.
   */
  private static List<Long> snowflakeIdsEachAloneInItsMillisecond(int count) {
    Random random = new Random(42);
    long millis = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli() - SnowflakeIdGenerator.EPOCH.toEpochMilli();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      millis += 1 + random.nextInt(5_000);
      int worker = random.nextInt(4);
      long id = (millis << 22) | ((long) worker << 12);
      assertThat(SnowflakeIdGenerator.workerOf(id)).isEqualTo(worker);
      assertThat(SnowflakeIdGenerator.timeOf(id)).isEqualTo(SnowflakeIdGenerator.EPOCH.plusMillis(millis));
      ids.add(id);
    }
    return ids;
  }

  private static OrderSlotSharding algorithm(String level) {
    Properties props = new Properties();
    props.setProperty("level", level);
    props.setProperty("databases", Integer.toString(DATABASES));
    props.setProperty("tables-per-database", Integer.toString(TABLES_PER_DATABASE));
    OrderSlotSharding algorithm = new OrderSlotSharding();
    algorithm.init(props);
    return algorithm;
  }

  private static ComplexKeysShardingValue<Comparable<?>> byBuyer(long buyer) {
    return new ComplexKeysShardingValue<>("orders", Map.of("buyer_id", List.of(buyer)), Map.of());
  }

  private static List<String> targets(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  private static int index(Collection<String> routed) {
    assertThat(routed).hasSize(1);
    String target = routed.iterator().next();
    return Integer.parseInt(target.substring(target.lastIndexOf('_') + 1));
  }
}
