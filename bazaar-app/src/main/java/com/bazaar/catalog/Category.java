package com.bazaar.catalog;

import com.bazaar.platform.id.CategoryId;
import org.jspecify.annotations.Nullable;

/** A node of the category tree; {@code parentId} is null for a top-level category. */
public record Category(CategoryId id, String name, @Nullable CategoryId parentId) {}
