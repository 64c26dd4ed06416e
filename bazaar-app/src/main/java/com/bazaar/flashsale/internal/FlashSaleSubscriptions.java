package com.bazaar.flashsale.internal;

import com.bazaar.order.Order.OrderCancelled;
import com.bazaar.platform.events.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order events the flash sale reacts to. */
@Configuration(proxyBeanMethods = false)
class FlashSaleSubscriptions {

  @Bean
  EventSubscription<OrderCancelled> giveCancelledFlashUnitsBack(FlashOrderCancellations cancellations) {
    return EventSubscription.oneNode("flashsale.order-cancelled", OrderCancelled.class, cancellations::giveBack);
  }
}
