package com.bazaar.sales.internal;

import com.bazaar.order.Order.OrderPaid;
import com.bazaar.platform.events.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Paid orders feed the sales counters. */
@Configuration(proxyBeanMethods = false)
class SalesSubscriptions {

  @Bean
  EventSubscription<OrderPaid> countSales(SalesCounter counter) {
    return EventSubscription.oneNode("sales.order-paid", OrderPaid.class, counter::count);
  }
}
