package com.bazaar.platform;

/**
 * A validated page request: page ≥ 0, 1 ≤ size ≤ {@value #MAX_SIZE}, and the page must end
 * within the first {@value #MAX_WINDOW} results, as API.md promises.
 *
 * <p>Every paged list of the shop (items, search, orders, notifications, admin lists, the
 * storefront's pages) is built from a PageSpec, so this is the one place that bounds what a
 * page can cost. Without the window a deep page costs the whole prefix: Lucene keeps
 * offset + size hits in memory, a database reads and drops OFFSET rows, a sharded list
 * merge-sorts offset + size rows from every table. Like Elasticsearch's
 * {@code index.max_result_window} (also 10,000), nobody reads that far by paging; they narrow
 * the query.
 */
public record PageSpec(int page, int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;

  public PageSpec {
    if (page < 0) {
      throw new InvalidInput("page", "refusal.atLeast", 0);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInput("size", "refusal.between", 1, MAX_SIZE);
    }
    if ((long) page * size + size > MAX_WINDOW) {
      throw new InvalidInput("page", "refusal.page.window", MAX_WINDOW);
    }
  }

  public int offset() {
    return page * size;
  }

  /** How many pages of {@code size} lie within the window: the last page a pager may offer. */
  static int reachablePages(int size) {
    return MAX_WINDOW / size;
  }
}
