package com.bazaar.platform.data;

import java.time.Duration;
import java.util.Optional;

/**
 * What the last check saw of the replica: whether both replication threads run, how far
 * behind it is ({@code Seconds_Behind_Master}) and which transactions it has applied.
 */
record ReplicaState(boolean replicating, Optional<Duration> lag, GtidPosition applied, String problem) {
  static final ReplicaState UNCHECKED = down("not checked yet");

  static ReplicaState down(String problem) {
    return new ReplicaState(false, Optional.empty(), GtidPosition.EMPTY, problem);
  }

  static ReplicaState replicating(Duration lag, GtidPosition applied) {
    return new ReplicaState(true, Optional.of(lag), applied, "");
  }

  boolean laggingBeyond(Duration maxLag) {
    return lag.map(l -> l.compareTo(maxLag) > 0).orElse(true);
  }
}
