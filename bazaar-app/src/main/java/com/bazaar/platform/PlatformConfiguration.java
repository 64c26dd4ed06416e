package com.bazaar.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Async delivery of outbox events to module listeners, and scheduled jobs. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class PlatformConfiguration {

  /**
   * Carries the current observation (so the trace, its log ids and baggage such as the request
   * id) from the thread that hands work off to the one that runs it: an event listener logs
   * under the trace of the request that raised the event. Boot applies it to its task executor.
   */
  @Bean
  ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
    return new ContextPropagatingTaskDecorator();
  }
}
