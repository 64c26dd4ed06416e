package com.bazaar.platform.events;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.tracing.Traces;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/** The event bus port: subscriptions collected once; the embedded adapter unless told otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusProperties.class)
class BusConfiguration {

  @Bean
  EventDeliveries eventDeliveries(ObjectProvider<EventSubscription<?>> subscriptions,
      PlatformTransactionManager transactions, DataLayout layout, EventPublicationRegistry registry) {
    return new EventDeliveries(subscriptions.orderedStream().toList(), transactions, layout, registry);
  }

  /** Handlers run on Boot's task executor, as {@code @ApplicationModuleListener}s (which are {@code @Async}) do. */
  @Bean
  @ConditionalOnProperty(name = "bazaar.bus.type", havingValue = "embedded", matchIfMissing = true)
  InProcessEventBus inProcessEventBus(EventDeliveries deliveries, EventPublicationRegistry registry,
      @Qualifier("applicationTaskExecutor") Executor executor, Traces traces, EventTraceContexts contexts,
      ConfigurableApplicationContext context) {
    return new InProcessEventBus(deliveries, registry, executor, traces, contexts, context);
  }
}
