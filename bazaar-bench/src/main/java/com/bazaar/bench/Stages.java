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
    return stages;
  }
}
