package com.bazaar.notification.internal;

import com.bazaar.notification.Notification.Kind;
import com.bazaar.order.Order.OrderCancelled;
import com.bazaar.order.Order.OrderPaid;
import com.bazaar.order.Order.OrderPlaced;
import com.bazaar.platform.events.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order events that land in the buyer's inbox, one subscription each. */
@Configuration(proxyBeanMethods = false)
class OrderNotifications {

  @Bean
  EventSubscription<OrderPlaced> notifyOrderPlaced(Inbox inbox) {
    return EventSubscription.oneNode("notification.order-placed", OrderPlaced.class, e ->
        inbox.notify(e.buyerId().value(), e.orderId().value(), Kind.ORDER_PLACED,
            "Order " + e.orderId() + " is placed and its items are reserved for you: pay it before the deadline."));
  }

  @Bean
  EventSubscription<OrderPaid> notifyOrderPaid(Inbox inbox) {
    return EventSubscription.oneNode("notification.order-paid", OrderPaid.class, e ->
        inbox.notify(e.buyerId().value(), e.orderId().value(), Kind.ORDER_PAID, "Order " + e.orderId() + " is paid. Thank you!"));
  }

  @Bean
  EventSubscription<OrderCancelled> notifyOrderCancelled(Inbox inbox) {
    return EventSubscription.oneNode("notification.order-cancelled", OrderCancelled.class, e ->
        inbox.notify(e.buyerId().value(), e.orderId().value(), Kind.ORDER_CANCELLED,
            "Order " + e.orderId() + " is cancelled and its items are back in stock."));
  }
}
