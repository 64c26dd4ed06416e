package com.bazaar.platform.web;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

/**
 * Carries the log context (the trace id) from the thread that hands work off to the thread
 * that runs it, so an event listener's log lines name the request that raised the event.
 * Spring Boot applies a TaskDecorator bean to its task executor.
 */
@Component
final class MdcTaskDecorator implements TaskDecorator {
  @Override
  public Runnable decorate(Runnable task) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return () -> {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (context == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(context);
      }
      try {
        task.run();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    };
  }
}
