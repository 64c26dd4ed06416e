package com.bazaar.flashsale.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The sales this node has seen sold out, remembered for a moment ({@code bazaar.flash.sold-out-memory},
 * 1 s) so that {@link SoldOutGate} answers the rest of a storm at the door. Units can come back (an
 * order failed or was cancelled): this node forgets the sale at once when it gives them back; a unit
 * given back on another node of a cluster is seen here once the memory runs out, after one more
 * purchase has asked the counter. Until then that unit waits in the counter for the next buyer — it
 * is never sold twice nor lost, only offered up to a second later.
 */
@Component
final class SoldOutSales {
  private final Cache<Long, Boolean> soldOut;

  SoldOutSales(FlashProperties properties) {
    // a storm opens sales by the dozen a second: the memory holds the recent ones only
    this.soldOut = Caffeine.newBuilder().expireAfterWrite(properties.soldOutMemory()).maximumSize(10_000).build();
  }

  void remember(long saleId) {
    soldOut.put(saleId, Boolean.TRUE);
  }

  void forget(long saleId) {
    soldOut.invalidate(saleId);
  }

  boolean knownSoldOut(long saleId) {
    return soldOut.getIfPresent(saleId) != null;
  }
}
