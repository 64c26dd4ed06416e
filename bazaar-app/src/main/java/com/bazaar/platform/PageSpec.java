package com.bazaar.platform;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ 100, as API.md promises. */
public record PageSpec(int page, int size) {
  public static final int MAX_SIZE = 100;

  public PageSpec {
    if (page < 0) {
      throw new InvalidInput("page", "must be ≥ 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInput("page", "is too large");
    }
  }

  public int offset() {
    return page * size;
  }
}
