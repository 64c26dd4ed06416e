package com.bazaar.platform.events;

import com.bazaar.platform.tracing.Traces;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The event bus port: subscriptions collected once; the embedded adapter unless told otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusProperties.class)
class BusConfiguration {

  @Bean
  EventDeliveries eventDeliveries(
      ObjectProvider<EventSubscription<?>> subscriptions, PlatformTransactionManager transactions) {
    return new EventDeliveries(subscriptions.orderedStream().toList(), transactions);
  }

  @Bean
  @ConditionalOnProperty(name = "bazaar.bus.type", havingValue = "embedded", matchIfMissing = true)
  InProcessEventBus inProcessEventBus(EventDeliveries deliveries, Traces traces, EventTraceContexts contexts) {
    return new InProcessEventBus(deliveries, traces, contexts);
  }
}
