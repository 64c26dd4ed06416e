package com.bazaar.order.internal;

/**
 * The one rule that puts a buyer's orders in a slot, used by the order id generator, the
 * ShardingSphere algorithm and the migration tool alike (docs/sharding.md).
 *
 * <p>A buyer's slot is a 64-bit finalizer of the whole buyer id (MurmurHash3's {@code fmix64}),
 * taken mod {@link #SLOTS}. Not the id's low bits: user ids are Snowflake ids whose low bits are
 * the per-millisecond sequence, 0 for anyone who registers alone in their millisecond, so
 * {@code buyer_id mod 8} put nearly every buyer in slot 0. The finalizer makes every output
 * bit depend on every input bit, so the time and worker bits spread buyers evenly.
 *
 * <p>An order id carries its slot in its low {@link #GENE_BITS} bits (the "gene"), so the id
 * alone names the table that holds it.
 */
final class OrderSlots {
  static final int GENE_BITS = 3;
  static final int SLOTS = 1 << GENE_BITS;
  static final long GENE_MASK = SLOTS - 1;

  private OrderSlots() {}

  static int ofBuyer(long buyerId) {
    return (int) (fmix64(buyerId) & GENE_MASK);
  }

  static int ofOrder(long orderId) {
    return (int) (orderId & GENE_MASK);
  }

  /** MurmurHash3's 64-bit finalizer (Austin Appleby, public domain): a bijection with full avalanche. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
