package com.bazaar.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.platform.id.SnowflakeIdGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderIdGeneratorTest {

  @Test
  void anOrderIdCarriesItsBuyersSlotAndIdsStayUniqueAndOrdered() {
    OrderIdGenerator ids = new OrderIdGenerator(new SnowflakeIdGenerator(7));
    List<Long> issued = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long buyer = i * 7919L;
      long id = ids.nextId(buyer);
      assertThat(OrderSlots.ofOrder(id)).isEqualTo(OrderSlots.ofBuyer(buyer));
      issued.add(id);
    }
    assertThat(new HashSet<>(issued)).hasSize(issued.size());
    assertThat(issued).isSorted();
  }

  @Test
  void sourceIdsThatDifferOnlyInTheSlotBitsAreSkippedNotReused() {
    AtomicLong next = new AtomicLong(8000);
    OrderIdGenerator ids = new OrderIdGenerator(next::getAndIncrement); // 8000, 8001, ... share high bits by eights
    Set<Long> issued = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      assertThat(issued.add(ids.nextId(5))).isTrue();
    }
  }

  @Test
  void negativeBuyerIdsStillMapToASlot() {
    assertThat(OrderSlots.ofBuyer(-1)).isBetween(0, OrderSlots.SLOTS - 1);
  }
}
