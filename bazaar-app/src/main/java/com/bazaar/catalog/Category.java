package com.bazaar.catalog;

import org.jspecify.annotations.Nullable;

/** A node of the category tree; {@code parentId} is null for a top-level category. */
public record Category(long id, String name, @Nullable Long parentId) {}
