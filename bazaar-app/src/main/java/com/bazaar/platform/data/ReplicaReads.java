package com.bazaar.platform.data;

/**
 * {@code bazaar.replica.reads}: where the reads the replica may serve go — all to the replica, or
 * each to the less busy of primary and replica ({@link ReplicaReadRouting}).
 */
enum ReplicaReads {
  /** Every read the replica may serve goes to it; the primary takes only what it must. */
  REPLICA,
  /** Each to the server with fewer of this node's reads in flight, the replica on a tie. */
  BALANCED
}
