package com.bazaar.search;

import com.bazaar.platform.Unavailable;
import java.time.Duration;

/** The search index fails (or its breaker is open); category browsing still works. */
public final class SearchUnavailable extends Unavailable {
  public SearchUnavailable(Duration retryAfter) {
    super("refusal.unavailable.search", retryAfter);
  }
}
