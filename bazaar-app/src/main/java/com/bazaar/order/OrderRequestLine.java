package com.bazaar.order;

import com.bazaar.platform.id.ItemId;

/** A line a buyer asks for: which item and how many. */
public record OrderRequestLine(ItemId itemId, int quantity) {}
