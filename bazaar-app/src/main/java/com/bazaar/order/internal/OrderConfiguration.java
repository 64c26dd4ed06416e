package com.bazaar.order.internal;

import com.bazaar.order.Order.OrderPlaced;
import com.bazaar.platform.data.LockConflictRetry;
import com.bazaar.platform.events.EventSubscription;
import com.bazaar.platform.id.IdGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderProperties.class, OrderLimits.class, ShardingProperties.class})
class OrderConfiguration {

  @Bean
  OrderIdGenerator orderIdGenerator(IdGenerator ids) {
    return new OrderIdGenerator(ids);
  }

  /** The default: orders in the application's database, one local transaction per flow. */
  @Bean
  @ConditionalOnProperty(name = "bazaar.order.sharding.enabled", havingValue = "false", matchIfMissing = true)
  OrderStore sharedOrderStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return OrderStore.shared(jdbc, transactions);
  }

  /** Orders beside the stock: placing is one local transaction. */
  @Bean
  @ConditionalOnProperty(name = "bazaar.order.sharding.enabled", havingValue = "false", matchIfMissing = true)
  OrderPlacement oneTransactionPlacement(Orders orders, StockReservation stock, OrderEvents events,
      OrderMeters meters, PlatformTransactionManager transactions, LockConflictRetry lockConflicts) {
    return new OneTransactionPlacement(orders, stock, events, meters, transactions, lockConflicts);
  }

  /**
   * On RabbitMQ, each placed order comes back one payment window later and is cancelled if
   * still unpaid; paid or already cancelled orders are left alone, so a repeat is harmless.
   * The embedded bus skips delayed subscriptions: there {@link UnpaidOrderCanceller}'s
   * indexed due-time query does the work, and on RabbitMQ it remains a slow safety net.
   */
  @Bean
  EventSubscription<OrderPlaced> cancelUnpaidOrder(OrderSettlement settlement, OrderProperties properties) {
    return EventSubscription.delayed("order.unpaid-cancellation", OrderPlaced.class, properties.paymentWindow(),
        placed -> settlement.cancelOverdue(placed.orderId().value()));
  }
}
