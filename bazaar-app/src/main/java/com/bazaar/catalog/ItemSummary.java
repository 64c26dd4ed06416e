package com.bazaar.catalog;

import com.bazaar.platform.Money;

/** An item as lists show it: the current price and the stock available to buy now. */
public record ItemSummary(long id, String title, Money price, long stock, long categoryId) {}
