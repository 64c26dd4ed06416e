/**
 * Inventory: the stock available to buy now. Takes are conditional updates, so stock never
 * goes below zero under any concurrency; every change publishes
 * {@link com.bazaar.inventory.StockChanged}.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.inventory;
