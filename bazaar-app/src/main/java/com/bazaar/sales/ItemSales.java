package com.bazaar.sales;

import com.bazaar.platform.id.ItemId;

/** The sales module's API: how many units of an item paid orders have taken (0 if none). */
public interface ItemSales {

  long sold(ItemId itemId);
}
