package com.bazaar.platform.data;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Selects the {@link ReadRouting}: everything on the primary (default), or with
 * {@code bazaar.replica.enabled=true} (profile {@code replica}) read/write splitting over
 * the replica at {@code bazaar.replica.url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
class ReadRoutingConfiguration {
  @Bean
  @ConditionalOnProperty(name = "bazaar.replica.enabled", havingValue = "false", matchIfMissing = true)
  ReadRouting primaryReads(JdbcClient primary) {
    return new PrimaryReads(primary);
  }

  @Bean
  @ConditionalOnProperty(name = "bazaar.replica.enabled", havingValue = "false", matchIfMissing = true)
  ReadRoutings readRoutingsWithoutReplica(ReadRouting primaryReads) {
    return ReadRoutings.withoutReplica(primaryReads);
  }

  /** Replica beans, none of them a {@link DataSource} bean: the primary stays the only one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "bazaar.replica.enabled", havingValue = "true")
  static class Replica {
    @Bean(destroyMethod = "close")
    ReplicaPool replicaPool(ReplicaProperties properties) {
      return new ReplicaPool(properties);
    }

    @Bean(destroyMethod = "close")
    ReplicaMonitor replicaMonitor(ReplicaPool pool, ReplicaProperties properties, MeterRegistry meters) {
      ReplicaMonitor monitor = new ReplicaMonitor(new JdbcTemplate(pool.dataSource()));
      // Seconds_Behind_Master as the monitor last saw it; NaN while the replica is not replicating.
      Gauge.builder("bazaar.replica.lag", monitor,
              m -> m.state().lag().map(lag -> lag.toMillis() / 1000.0).orElse(Double.NaN))
          .baseUnit("seconds").description("replication lag of the read replica").register(meters);
      Gauge.builder("bazaar.replica.replicating", monitor, m -> m.state().replicating() ? 1 : 0)
          .description("1 while the replica replicates, 0 when it is down or stopped").register(meters);
      return monitor.startChecking(properties.checkInterval());
    }

    /**
     * One fence for the server pair: the primaries of every routing are one server with one GTID
     * stream. In this JVM, or in Redis for every node ({@code bazaar.replica.fence.type=redis},
     * profile redis): a node that did not make a write must still keep its reads off a replica
     * that lacks it.
     */
    @Bean
    WriteFence writeFence(ReplicaProperties properties, ObjectProvider<StringRedisTemplate> redis) {
      // Fence refuses type redis without a key
      String sharedKey = properties.fence().shared() ? properties.fence().key() : null;
      return sharedKey != null ? new RedisWriteFence(redis.getObject(), sharedKey) : new LocalWriteFence();
    }

    @Bean
    ReadRouting replicaReadRouting(
        JdbcClient primary, ReplicaPool pool, ReplicaMonitor monitor, WriteFence fence, ReplicaProperties properties,
        MeterRegistry meters) {
      return new ReplicaReadRouting(
          primary, JdbcClient.create(pool.dataSource()), monitor, fence, properties.maxLag(), properties.reads(), meters);
    }

    /**
     * Domain databases (profile split) on the same primary server are replicated to the same
     * replica server, so one monitor judges them all; each gets its own replica pool.
     */
    @Bean(destroyMethod = "close")
    ReadRoutings readRoutingsOverReplica(
        ReadRouting replicaReadRouting, ReplicaMonitor monitor, WriteFence fence, ReplicaProperties properties,
        MeterRegistry meters) {
      List<ReplicaPool> pools = new CopyOnWriteArrayList<>();
      return new ReadRoutings(
          replicaReadRouting,
          (primary, replicaUrl) -> {
            ReplicaPool pool = new ReplicaPool(properties, replicaUrl);
            pools.add(pool);
            return new ReplicaReadRouting(
                primary, JdbcClient.create(pool.dataSource()), monitor, fence, properties.maxLag(), properties.reads(), meters);
          },
          () -> pools.forEach(ReplicaPool::close));
    }

    @Bean("replica")
    ReplicaHealth replicaHealth(ReplicaMonitor monitor, ReplicaProperties properties) {
      return new ReplicaHealth(monitor, properties.maxLag());
    }

    /** A filter bean: Spring Boot registers it after the session filter, so it sees the session. */
    @Bean
    ReadYourWrites readYourWrites(ReplicaProperties properties, Clock clock) {
      return new ReadYourWrites(properties.readYourWritesWindow(), clock);
    }
  }

  /** The replica's own Hikari pool: fails fast, and an absent replica does not stop start-up. */
  record ReplicaPool(HikariDataSource dataSource) implements AutoCloseable {
    ReplicaPool(ReplicaProperties properties) {
      this(properties, properties.url());
    }

    ReplicaPool(ReplicaProperties properties, String url) {
      this(new HikariDataSource());
      dataSource.setPoolName("replica");
      dataSource.setJdbcUrl(url);
      dataSource.setUsername(properties.username());
      dataSource.setPassword(properties.password());
      dataSource.setMaximumPoolSize(properties.maximumPoolSize());
      dataSource.setReadOnly(true);
      dataSource.setConnectionTimeout(1000);
      dataSource.setValidationTimeout(500);
      dataSource.setInitializationFailTimeout(-1);
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
