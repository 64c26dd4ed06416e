package com.bazaar.catalog;

import com.bazaar.platform.events.BusEvent;
import com.bazaar.platform.id.ItemId;

/** An item was created or its title, description, price or category changed. */
public record ItemChanged(ItemId itemId) implements BusEvent {}
