package com.bazaar.catalog;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;

/**
 * An item as lists show it: the current price, the stock available to buy now and the path of
 * its picture (uploaded, or drawn from its title and category when it has none).
 */
public record ItemSummary(ItemId id, String title, Money price, long stock, CategoryId categoryId, String imageUrl) {}
