package com.bazaar.order;

/** A line a buyer asks for: which item and how many. */
public record OrderRequestLine(long itemId, int quantity) {}
