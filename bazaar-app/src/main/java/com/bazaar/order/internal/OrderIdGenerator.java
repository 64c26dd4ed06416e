package com.bazaar.order.internal;

import com.bazaar.platform.id.IdGenerator;

/**
 * Order ids that carry their buyer's shard: the low {@link OrderSlots#GENE_BITS} bits of an
 * order id are the buyer's slot ({@link OrderSlots#ofBuyer}, the "gene"), so an order id alone
 * names the table that holds it, and a buyer's orders all share one table.
 *
 * <p>The ids come from the shared {@link IdGenerator} port with their low bits overwritten.
 * Two source ids that differ only in those bits would collide, so an id is skipped when its
 * high part equals the previous one's: the source is monotonic per node and unique across
 * nodes (worker bits), which keeps the result unique and still ordered by time. A Snowflake
 * source then yields up to 512 order ids per millisecond per node.
 */
final class OrderIdGenerator {
  private final IdGenerator source;
  private long lastHigh = Long.MIN_VALUE;

  OrderIdGenerator(IdGenerator source) {
    this.source = source;
  }

  synchronized long nextId(long buyerId) {
    long high;
    do {
      high = source.nextId() & ~OrderSlots.GENE_MASK;
    } while (high == lastHigh);
    lastHigh = high;
    return high | OrderSlots.ofBuyer(buyerId);
  }
}
