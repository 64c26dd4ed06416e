package com.bazaar.order.internal;

import com.bazaar.platform.data.DataLayout;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.infra.config.mode.ModeConfiguration;
import org.apache.shardingsphere.mode.repository.standalone.StandalonePersistRepositoryConfiguration;
import org.apache.shardingsphere.sharding.api.config.ShardingRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableReferenceRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.rule.ShardingTableRuleConfiguration;
import org.apache.shardingsphere.sharding.api.config.strategy.sharding.ComplexShardingStrategyConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stage 9, {@code bazaar.order.sharding.enabled=true}: orders and order lines over
 * ShardingSphere-JDBC, {@code ds_0..ds_(n-1)} × {@code orders_0..}/{@code order_lines_0..}, routed
 * by {@link OrderSlotSharding}. Every other table stays in the application's database.
 *
 * <p>To put the shards behind another data source (e.g. the trade database of a vertical
 * split), only the shard list changes; the order module sees nothing but {@link OrderStore} and
 * its {@link OrderPlacement}. The shard tables are made and changed by the order rows'
 * migrations ({@code db/order/rows}), run in every shard by the {@link DataLayout}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.order.sharding.enabled", havingValue = "true")
class OrderShardsConfiguration {
  static final String ALGORITHM_DATABASE = "order-slot-database";
  static final String ALGORITHM_TABLE = "order-slot-table";

  @Bean
  OrderStore shardedOrderStore(ShardingProperties properties, DataLayout layout) throws SQLException {
    Map<String, DataSource> shards = shardDataSources(properties, layout);
    DataSource sharded = sharded(properties, shards);
    return OrderStore.separate(sharded, () -> {
      ((AutoCloseable) sharded).close();
      for (DataSource shard : shards.values()) {
        ((HikariDataSource) shard).close();
      }
    });
  }

  /** Orders apart from the stock: placing is a saga over the reservation row. */
  @Bean
  OrderPlacement reservationSagaPlacement(Orders orders, OrderStore store, StockReservation stock, OrderEvents events,
      OrderMeters meters, PlatformTransactionManager transactions) {
    return new ReservationSagaPlacement(orders, store, stock, events, meters, transactions);
  }

  /** One pool per shard database, each migrated ({@link DataLayout#migrateShard}) and checked. */
  static Map<String, DataSource> shardDataSources(ShardingProperties properties, DataLayout layout) {
    Map<String, DataSource> shards = new LinkedHashMap<>();
    for (int i = 0; i < properties.databases().size(); i++) {
      ShardingProperties.Shard shard = properties.databases().get(i);
      HikariDataSource dataSource = new HikariDataSource();
      dataSource.setPoolName("order-shard-" + i);
      dataSource.setJdbcUrl(shard.url());
      dataSource.setUsername(shard.username());
      dataSource.setPassword(shard.password());
      dataSource.setMaximumPoolSize(properties.poolSize());
      dataSource.setMinimumIdle(Math.min(2, properties.poolSize())); // idle nodes keep few connections per shard
      layout.migrateShard(dataSource, properties.tablesPerDatabase());
      ShardLayoutCheck.requireCurrentSlots(dataSource, "ds_" + i, properties.tablesPerDatabase());
      shards.put("ds_" + i, dataSource);
    }
    return shards;
  }

  static DataSource sharded(ShardingProperties properties, Map<String, DataSource> shards) throws SQLException {
    Properties props = new Properties();
    props.setProperty("sql-show", Boolean.toString(properties.sqlShow()));
    return ShardingSphereDataSourceFactory.createDataSource("bazaar_orders", privateMetadataStore(), shards,
        List.of(rule(shards.size(), properties.tablesPerDatabase())), props);
  }

  static ShardingRuleConfiguration rule(int databases, int tablesPerDatabase) {
    ShardingRuleConfiguration rule = new ShardingRuleConfiguration();
    String lastDatabase = Integer.toString(databases - 1);
    String lastTable = Integer.toString(tablesPerDatabase - 1);
    rule.getTables().add(table("orders", "id,buyer_id", lastDatabase, lastTable));
    rule.getTables().add(table("order_lines", "order_id", lastDatabase, lastTable));
    rule.getBindingTableGroups().add(new ShardingTableReferenceRuleConfiguration("orders", "orders,order_lines"));
    rule.getShardingAlgorithms().put(ALGORITHM_DATABASE, algorithm("database", databases, tablesPerDatabase));
    rule.getShardingAlgorithms().put(ALGORITHM_TABLE, algorithm("table", databases, tablesPerDatabase));
    return rule;
  }

  private static ShardingTableRuleConfiguration table(String name, String columns, String lastDb, String lastTable) {
    ShardingTableRuleConfiguration table =
        new ShardingTableRuleConfiguration(name, "ds_${0.." + lastDb + "}." + name + "_${0.." + lastTable + "}");
    table.setDatabaseShardingStrategy(new ComplexShardingStrategyConfiguration(columns, ALGORITHM_DATABASE));
    table.setTableShardingStrategy(new ComplexShardingStrategyConfiguration(columns, ALGORITHM_TABLE));
    return table;
  }

  private static AlgorithmConfiguration algorithm(String level, int databases, int tablesPerDatabase) {
    Properties props = new Properties();
    props.setProperty("strategy", "COMPLEX");
    props.setProperty("algorithmClassName", OrderSlotSharding.class.getName());
    props.setProperty("level", level);
    props.setProperty("databases", Integer.toString(databases));
    props.setProperty("tables-per-database", Integer.toString(tablesPerDatabase));
    return new AlgorithmConfiguration("CLASS_BASED", props);
  }

  /**
   * ShardingSphere's standalone mode keeps its metadata in an in-memory H2 database; a private
   * one per data source, so two application contexts in one JVM (tests) never share it.
   */
  private static ModeConfiguration privateMetadataStore() {
    Properties props = new Properties();
    props.setProperty("provider", "H2");
    props.setProperty("jdbc_url", "jdbc:h2:mem:shardingsphere-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=0;DATABASE_TO_UPPER=false;MODE=MYSQL");
    return new ModeConfiguration("Standalone", new StandalonePersistRepositoryConfiguration("JDBC", props));
  }
}
