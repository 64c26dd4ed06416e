package com.bazaar.storefront;

import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.PageSpec;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters every list page (home, category, search) takes, read by
 * {@link ListRequestArguments}: the 0-based {@code page} of links, or the 1-based page number {@code to}
 * a shopper typed to jump, the {@code sort} and the price range {@code min}/{@code max} in yuan.
 */
record ListRequest(
    @Nullable Integer page, @Nullable Integer to, @Nullable String sort, @Nullable String min, @Nullable String max) {

  /** The order and the price range of the list at {@code path} (with its search words, if any). */
  Browsing browsing(String path, @Nullable String query) {
    return Browsing.of(path, query, sort, min, max);
  }

  /** The page asked for; a jump past the last page anyone may see stops at that page. */
  PageSpec pageSpec(int pageSize) {
    if (to == null) {
      return new PageSpec(page == null ? 0 : page, pageSize);
    }
    if (to < 1) {
      throw new InvalidInput("to", "refusal.atLeast", 1);
    }
    return new PageSpec(Math.min(to - 1, PageSpec.MAX_WINDOW / pageSize - 1), pageSize);
  }
}
