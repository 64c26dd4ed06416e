package com.bazaar.platform.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link ReadRouting} of the main database and of each domain database that has its own
 * (stage 8). A domain database gets read/write splitting when the main one has it (profile
 * {@code replica}) and {@code bazaar.datasource.<domain>.replica-url} names its copy on the
 * replica server; otherwise its reads all go to its own database.
 */
public final class ReadRoutings implements AutoCloseable {
  private final ReadRouting main;
  private final BiFunction<JdbcClient, String, ReadRouting> overReplica;
  private final Runnable closer;
  private final Map<String, ReadRouting> domains = new ConcurrentHashMap<>();

  ReadRoutings(ReadRouting main, BiFunction<JdbcClient, String, ReadRouting> overReplica, Runnable closer) {
    this.main = main;
    this.overReplica = overReplica;
    this.closer = closer;
  }

  /** No replica: every database reads from itself. */
  static ReadRoutings withoutReplica(ReadRouting main) {
    return new ReadRoutings(main, (primary, replicaUrl) -> ReadRouting.primaryOnly(primary), () -> {});
  }

  /** Creates the routing of a domain's own database, whose primary is {@code primary}. */
  public ReadRouting forDomain(String domain, JdbcClient primary, String replicaUrl) {
    ReadRouting routing =
        replicaUrl == null || replicaUrl.isBlank() ? ReadRouting.primaryOnly(primary) : overReplica.apply(primary, replicaUrl);
    domains.put(domain, routing);
    return routing;
  }

  /** The routing a domain's reads use: its own database's, or the main one's. */
  public ReadRouting of(String domain) {
    return domains.getOrDefault(domain, main);
  }

  public ReadRouting main() {
    return main;
  }

  @Override
  public void close() {
    closer.run();
  }
}
