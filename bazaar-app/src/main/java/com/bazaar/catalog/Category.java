package com.bazaar.catalog;

/** A node of the category tree; {@code parentId} is null for a top-level category. */
public record Category(long id, String name, Long parentId) {}
