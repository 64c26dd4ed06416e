package com.bazaar.platform.data;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The domain databases of this node by domain name ({@code user}, {@code catalog}), for the
 * few tools that work on every table whatever its domain (the migration command). The owning
 * modules register theirs as they build them.
 */
@Component
public final class DomainDatabases {
  private final Map<String, DomainDatabase> byDomain = new ConcurrentHashMap<>();

  public DomainDatabase register(String domain, DomainDatabase database) {
    byDomain.put(domain, database);
    return database;
  }

  /** Every domain that has its own database, by domain name: for the health check. */
  Map<String, DataSource> separateDataSources() {
    Map<String, DataSource> pools = new TreeMap<>();
    byDomain.forEach((domain, database) -> database.ownPool().ifPresent(pool -> pools.put(domain, pool)));
    return pools;
  }

  /** The domain's own database, if it has one; empty when its tables are in the main one. */
  public Optional<DomainDatabase> separate(String domain) {
    return Optional.ofNullable(byDomain.get(domain)).filter(DomainDatabase::separate);
  }
}
