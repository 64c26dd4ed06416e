package com.bazaar.platform.data;

import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code db} component of {@code /actuator/health} (and of the readiness group): one
 * entry per database this node serves from — {@code main}, and each domain with its own
 * database ({@code user}, {@code catalog}) — each probed with a query on the schema the node
 * migrated, not a bare connection check.
 *
 * <p>Spring Boot's own indicator (which it backs off from for a bean named
 * {@code dbHealthContributor}) asks the driver whether a connection is valid. An embedded H2
 * that closed itself (it does after an OutOfMemoryError) or was recreated empty answers
 * "valid" while every query of the shop fails; a query on {@code schema_history} fails
 * too, so the node reports DOWN and leaves the balancer.
 */
@Component("dbHealthContributor")
final class DatabaseHealth implements CompositeHealthContributor {
  static final String PROBE = "SELECT COUNT(*) FROM schema_history";

  private final DataSource main;
  private final DataLayout layout;

  DatabaseHealth(DataSource main, DataLayout layout) {
    this.main = main;
    this.layout = layout;
  }

  @Override
  public @Nullable HealthContributor getContributor(String name) {
    DataSource dataSource = "main".equals(name) ? main : layout.ownDataSources().get(name);
    return dataSource == null ? null : probe(dataSource);
  }

  // Built at each call: the domains register their databases while the context starts.
  @Override
  public Stream<HealthContributors.Entry> stream() {
    return Stream.concat(Stream.of(Map.entry("main", main)), layout.ownDataSources().entrySet().stream())
        .map(database -> new HealthContributors.Entry(database.getKey(), probe(database.getValue())));
  }

  private static HealthContributor probe(DataSource dataSource) {
    return new DataSourceHealthIndicator(dataSource, PROBE);
  }
}
