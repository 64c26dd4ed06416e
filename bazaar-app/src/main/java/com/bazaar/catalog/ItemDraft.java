package com.bazaar.catalog;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;

/** What an admin sends to create or replace an item. */
public record ItemDraft(String title, String description, Money price, long stock, CategoryId categoryId) {}
