package com.bazaar.catalog;

import com.bazaar.platform.events.BusEvent;

/** An item was created or its title, description, price or category changed. */
public record ItemChanged(long itemId) implements BusEvent {}
