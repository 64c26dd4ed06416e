package com.bazaar.platform.data;

/**
 * The primary's GTID position after the last commit that {@link ReadRouting#markWritten()
 * declared a write}: the replica serves reads again only once it has applied that far. Where
 * the fence lives decides who honours it: {@link LocalWriteFence} only this node,
 * {@link RedisWriteFence} every node of the cluster.
 */
interface WriteFence {

  /** A declared write committed; {@code written} covers it ({@link GtidPosition#NEVER} if unknown). */
  void raise(GtidPosition written);

  /** What the replica must cover before it may answer a read. */
  GtidPosition position();
}
