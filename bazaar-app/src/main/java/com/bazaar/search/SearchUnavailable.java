package com.bazaar.search;

import com.bazaar.platform.Unavailable;
import java.time.Duration;

/** The search index fails (or its breaker is open); category browsing still works. */
public final class SearchUnavailable extends Unavailable {
  public SearchUnavailable(Duration retryAfter) {
    super("search is unavailable for a moment; browse by category meanwhile", retryAfter);
  }
}
