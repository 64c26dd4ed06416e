package com.bazaar.platform.data;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A MariaDB GTID position ({@code @@gtid_binlog_pos}, {@code @@gtid_slave_pos}): the last
 * sequence number per replication domain, e.g. {@code 0-1-42,1-3-7}.
 */
record GtidPosition(Map<Long, Long> sequenceByDomain) {
  static final GtidPosition EMPTY = new GtidPosition(Map.of());
  /** A position no replica reaches. */
  static final GtidPosition NEVER = new GtidPosition(Map.of(0L, Long.MAX_VALUE));

  GtidPosition {
    sequenceByDomain = Map.copyOf(sequenceByDomain);
  }

  static GtidPosition parse(@Nullable String text) {
    Map<Long, Long> sequences = new TreeMap<>();
    if (text != null) {
      for (String gtid : text.split(",")) {
        String[] parts = gtid.strip().split("-");
        if (parts.length == 3) {
          sequences.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
        }
      }
    }
    return new GtidPosition(sequences);
  }

  /** True when every transaction up to {@code other} has been applied here. */
  boolean covers(GtidPosition other) {
    return other.sequenceByDomain.entrySet().stream()
        .allMatch(e -> sequenceByDomain.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  /** Per domain the higher of the two sequence numbers: the position that covers both. */
  GtidPosition union(GtidPosition other) {
    Map<Long, Long> sequences = new TreeMap<>(sequenceByDomain);
    other.sequenceByDomain.forEach((domain, sequence) -> sequences.merge(domain, sequence, Math::max));
    return new GtidPosition(sequences);
  }

  @Override
  public String toString() {
    return sequenceByDomain.toString();
  }
}
