package com.bazaar.inventory;

import com.bazaar.platform.id.ItemId;

/**
 * What the stock table says of one item: the units it ever received (its starting stock plus
 * every admin count and adjustment) and the units available now. The difference is what
 * orders took: held by unpaid ones or sold.
 */
public record StockCount(ItemId itemId, long received, long available) {}
