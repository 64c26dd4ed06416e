package com.bazaar.catalog;

/** An item was created or its title, description, price or category changed. */
public record ItemChanged(long itemId) {}
