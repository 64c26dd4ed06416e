package com.bazaar.platform.data;

/**
 * The fence in this JVM: enough for one node, and for the writing node of a cluster. Other
 * nodes do not see it (see {@link RedisWriteFence}).
 */
final class LocalWriteFence implements WriteFence {
  private GtidPosition position = GtidPosition.EMPTY;

  /**
   * Positions only grow, but two commits may report theirs in either order: the fence keeps
   * the higher. An unknown position ({@code NEVER}) holds until the next known one, which
   * covers every earlier commit.
   */
  @Override
  public synchronized void raise(GtidPosition written) {
    position = written.equals(GtidPosition.NEVER) || position.equals(GtidPosition.NEVER)
        ? written
        : position.union(written);
  }

  @Override
  public synchronized GtidPosition position() {
    return position;
  }
}
