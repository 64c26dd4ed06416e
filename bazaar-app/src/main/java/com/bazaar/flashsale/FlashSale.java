package com.bazaar.flashsale;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.id.SaleId;
import java.time.Instant;

/** A flash sale of one item: {@code stock} units at {@code price}, at most {@code limitPerUser} each. */
public record FlashSale(
    SaleId id, ItemId itemId, Money price, int stock, Instant startsAt, Instant endsAt, int limitPerUser) {

  public boolean isOpenAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }
}
