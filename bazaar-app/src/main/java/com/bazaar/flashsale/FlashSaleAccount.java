package com.bazaar.flashsale;

import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;

/**
 * Where the units of a sale that has not ended are: {@code remaining} in the stock counter,
 * {@code sold} to tickets settled ORDERED (and not released by a cancelled order), and the rest
 * in flight — taken by a purchase whose ticket waits in the queue. A sale is balanced when
 * nothing is counted twice: remaining and sold together never exceed its units.
 */
public record FlashSaleAccount(SaleId saleId, ItemId itemId, long units, long remaining, long sold) {

  public long inFlight() {
    return units - remaining - sold;
  }

  public boolean balanced() {
    return remaining >= 0 && inFlight() >= 0;
  }
}
