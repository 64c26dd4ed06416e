package com.bazaar.sales;

/** The sales module's API: how many units of an item paid orders have taken (0 if none). */
public interface ItemSales {

  long sold(long itemId);
}
