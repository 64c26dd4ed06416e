package com.bazaar.order.internal;

import com.bazaar.order.Order.OrderPlaced;
import com.bazaar.platform.events.EventSubscription;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

  /**
   * On RabbitMQ, each placed order comes back one payment window later and is cancelled if
   * still unpaid; paid or already cancelled orders are left alone, so a repeat is harmless.
   * The embedded bus skips delayed subscriptions: there {@link UnpaidOrderCanceller}'s
   * indexed due-time query does the work, and on RabbitMQ it remains a slow safety net.
   */
  @Bean
  EventSubscription<OrderPlaced> cancelUnpaidOrder(OrderDesk desk, OrderProperties properties) {
    return EventSubscription.delayed("order.unpaid-cancellation", OrderPlaced.class, properties.paymentWindow(),
        placed -> desk.cancelOverdue(placed.orderId()));
  }
}
