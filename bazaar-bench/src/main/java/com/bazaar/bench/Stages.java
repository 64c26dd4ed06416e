package com.bazaar.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The evolution path as far as this checkout has built it, in order. Each stage runs the same
 * workload on a fresh deployment; stages whose parts this machine or checkout lacks are skipped
 * with the reason.
 */
final class Stages {

  private static final Stage.Need MARIADB = Stage.Need.mariaDb();
  private static final Stage.Need REDIS = Stage.Need.server("Redis", "127.0.0.1", 6379);
  private static final Stage.Need RABBITMQ = Stage.Need.server("RabbitMQ", "127.0.0.1", 5672);
  private static final Stage.Need CLUSTER_SCRIPT = Stage.Need.script("bin/cluster");
  private static final int REPLICA_PRIMARY = 3307;
  private static final Stage.Need REPLICA_PAIR = context -> Stage.Need.server("the replica pair's primary (bin/replica start)",
      "127.0.0.1", REPLICA_PRIMARY).missing(context)
      .or(() -> Stage.Need.server("the replica (bin/replica start)", "127.0.0.1", 3308).missing(context));
  private static final int CLUSTER_NODES = 3;
  /** With the one catalog instance, as many JVMs as the cluster stages' nodes. */
  private static final int SERVICES_WEBS = 2;

  private Stages() {}

  static List<Stage> all() {
    List<Stage> stages = new ArrayList<>();
    stages.add(new Stage("one-node", "0 · one server",
        "the whole site in one JVM: H2 file database, Caffeine cache, embedded Lucene, in-process bus",
        false, List.of(), context -> context.embeddedNode("one-node", List.of())));
    stages.add(new Stage("naive", "baseline · naive",
        "stage 0 without its cache (every read goes to the database) and with the naive flash sale "
            + "(UPDATE … SET stock = stock - 1 WHERE stock > 0 and the order, per request)",
        true, List.of(), context -> context.embeddedNode("naive",
            List.of("--bazaar.cache.type=none", "--bazaar.flash.mode=naive"))));
    stages.add(new Stage("mariadb", "1 · separate DB",
        "MariaDB on its own server process instead of the embedded H2",
        false, List.of(MARIADB), context -> context.mariaDbNode("mariadb", List.of())));
    stages.add(new Stage("cache", "2 · two-level cache",
        "Redis behind each node's Caffeine (L2, pub/sub invalidation), sessions and lock in Redis",
        false, List.of(MARIADB, REDIS, Stage.Need.profile("redis")),
        context -> context.profiledNode("cache", "mariadb,redis")));
    stages.add(new Stage("cluster", "3 · cluster + edge",
        CLUSTER_NODES + " stateless nodes behind nginx (load balancing, edge cache for anonymous item reads)",
        false, List.of(MARIADB, REDIS, CLUSTER_SCRIPT),
        context -> context.cluster("cluster", CLUSTER_NODES, "mariadb,redis", context.mariaDbPort(), false)));
    stages.add(new Stage("replica", "5 · read/write splitting",
        "catalog reads from a MariaDB replica (bin/replica pair), read-your-writes",
        false, List.of(REDIS, CLUSTER_SCRIPT, REPLICA_PAIR, Stage.Need.profile("replica")),
        context -> context.cluster("replica", CLUSTER_NODES, "mariadb,replica,redis", REPLICA_PRIMARY, false)));
    stages.add(new Stage("split", "8 · vertical split",
        "users and the catalog in databases of their own (trade stays in the main one)",
        false, List.of(REDIS, CLUSTER_SCRIPT, REPLICA_PAIR, Stage.Need.profile("split")),
        context -> context.cluster("split", CLUSTER_NODES, "mariadb,replica,split,redis", REPLICA_PRIMARY, false)));
    stages.add(new Stage("sharding", "9 · sharding",
        "orders sharded by buyer over 2 databases × 4 tables (ShardingSphere-JDBC)",
        false, List.of(MARIADB, REDIS, CLUSTER_SCRIPT, REPLICA_PAIR, Stage.Need.profile("sharding")),
        context -> context.cluster("sharding", CLUSTER_NODES, "mariadb,replica,split,sharding,redis",
            REPLICA_PRIMARY, true)));
    stages.add(new Stage("queue", "11–13 · queue, flash, protection",
        "RabbitMQ bus (outbox relay, consumers), Redis flash stock + RabbitMQ ticket queue, Redis rate limits: "
            + "the whole cluster profile (with leased worker ids)",
        false, List.of(MARIADB, REDIS, RABBITMQ, CLUSTER_SCRIPT, REPLICA_PAIR, Stage.Need.profile("cluster")),
        context -> context.cluster("queue", CLUSTER_NODES, "cluster", REPLICA_PRIMARY, true)));
    stages.add(new Stage("services", "14 · services",
        "the same jar as separate processes: " + SERVICES_WEBS + " web instances behind nginx and a catalog instance, "
            + "each role on a database of its own, found through ZooKeeper, the catalog and the stock called over HTTP "
            + "service clients (on MariaDB, Redis and RabbitMQ, without the replica and shards)",
        false, List.of(MARIADB, REDIS, RABBITMQ, Stage.Need.script("bin/services"), Stage.Need.profile("services")),
        context -> context.services("services", 1, SERVICES_WEBS, "redis,rabbit")));
    return stages;
  }
}
