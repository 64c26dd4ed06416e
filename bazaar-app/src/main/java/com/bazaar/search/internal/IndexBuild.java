package com.bazaar.search.internal;

import com.bazaar.search.SearchUnavailable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where this node's index stands against the catalog since the node started: {@code BUILDING}
 * (a rebuild is under way), {@code UNAVAILABLE} (the last rebuild failed — in the services
 * deployment, the catalog service did not answer — and the next one is scheduled) or
 * {@code BUILT}. Until it is built, search refuses with a 503 rather than answer from an empty or
 * half-built index; browsing, which reads the catalog, does not depend on it
 * (docs/services.md, Failure semantics).
 */
@Component
final class IndexBuild {
  /** How a build stands; one value read at a time, so health and search never see half an update. */
  record Progress(Phase phase, int attempt, @Nullable String failure, Duration retryIn) {}

  enum Phase {
    BUILDING,
    UNAVAILABLE,
    BUILT
  }

  private volatile Progress progress = new Progress(Phase.BUILDING, 0, null, Duration.ZERO);

  void started(int attempt) {
    progress = new Progress(Phase.BUILDING, attempt, progress.failure(), Duration.ZERO);
  }

  void failed(RuntimeException cause, Duration retryIn) {
    progress = new Progress(Phase.UNAVAILABLE, progress.attempt(), cause.toString(), retryIn);
  }

  void finished() {
    progress = new Progress(Phase.BUILT, progress.attempt(), null, Duration.ZERO);
  }

  boolean isBuilt() {
    return progress.phase() == Phase.BUILT;
  }

  Progress progress() {
    return progress;
  }

  /** Search is refused until the index is built; try again about when the next build attempt is due. */
  SearchUnavailable refusal() {
    Duration retryIn = progress.retryIn();
    return new SearchUnavailable(retryIn.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryIn);
  }
}
