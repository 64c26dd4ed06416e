package com.bazaar.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A catalog category's id, as the catalog's API carries it (the category tree, an item's
 * category, the category an item list is filtered by).
 *
 * <p>In JSON (the category and item caches, the catalog's wire, API answers) it is the bare
 * number, as the {@code long} it replaces was, so entries written before it read the same.
 */
public record CategoryId(@JsonValue long value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CategoryId of(long value) {
    return new CategoryId(value);
  }

  /** The bare number, as the {@code long} printed: log lines, URLs and keys read as before. */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
