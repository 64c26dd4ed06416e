package com.bazaar.order;

import com.bazaar.platform.id.ItemId;
import java.util.Map;

/**
 * The stock that orders have taken, per item, as the reservation rows say: units held by
 * orders not yet paid (HELD, PLACED) and units sold (PAID). Released reservations gave their
 * units back and count for nothing. The order side of the stock accounting on the operations
 * page; read inside the caller's transaction if there is one.
 */
public interface ReservedStock {
  /** One item's units held by unpaid orders and sold by paid ones. */
  record Units(long held, long sold) {}

  /** Items that any live or paid reservation names; items no order took are absent. */
  Map<ItemId, Units> byItem();
}
