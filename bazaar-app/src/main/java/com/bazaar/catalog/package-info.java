/**
 * The catalog: categories and items with their prices, read through the cache and shown
 * with the stock the inventory reports. Admin writes publish {@link com.bazaar.catalog.ItemChanged}.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.catalog;
