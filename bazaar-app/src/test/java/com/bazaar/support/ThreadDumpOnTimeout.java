package com.bazaar.support;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * When an await in a shared-context test gives up, writes what the context's background work was
 * doing: heap and collector totals, the event deliveries' executor (active, queued), each
 * connection pool (active, idle, waiting) and every thread's stack. An await that times out there
 * means an event was not delivered in time (issue 18 saw this once on a fresh clone and never in a rerun); the dump is
 * what tells a stuck handler from a starved pool from an event that was never handed over.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (isAwaitTimeout(failure)) {
      StringBuilder report = new StringBuilder("\n===== await timed out in ")
          .append(context.getDisplayName()).append(": background work of the test context =====\n");
      describeMemory(report);
      describeContext(context, report);
      for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
        report.append(describe(thread));
      }
      System.out.println(report.append("===== end of dump =====\n"));
    }
    throw failure;
  }

  private static boolean isAwaitTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConditionTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** A suite that keeps many contexts cached can run short of heap: a collector at work stalls everything. */
  private static void describeMemory(StringBuilder report) {
    Runtime heap = Runtime.getRuntime();
    report.append("heap: used ").append((heap.totalMemory() - heap.freeMemory()) >> 20).append(" MiB of max ")
        .append(heap.maxMemory() >> 20).append(" MiB\n");
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      report.append("gc ").append(collector.getName()).append(": ").append(collector.getCollectionCount())
          .append(" collections, ").append(collector.getCollectionTime()).append(" ms\n");
    }
  }

  private static void describeContext(ExtensionContext context, StringBuilder report) {
    ApplicationContext spring;
    try {
      spring = SpringExtension.getApplicationContext(context);
    } catch (RuntimeException noContext) {
      report.append("(no Spring context: ").append(noContext).append(")\n");
      return;
    }
    if (spring.getBean("applicationTaskExecutor") instanceof ThreadPoolTaskExecutor executor) {
      report.append("applicationTaskExecutor: active ").append(executor.getActiveCount())
          .append(", pool ").append(executor.getPoolSize())
          .append(", queued ").append(executor.getThreadPoolExecutor().getQueue().size()).append('\n');
    }
    for (Map.Entry<String, DataSource> pool : spring.getBeansOfType(DataSource.class).entrySet()) {
      if (pool.getValue() instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
        var stats = hikari.getHikariPoolMXBean();
        report.append("pool ").append(pool.getKey()).append(": active ").append(stats.getActiveConnections())
            .append(", idle ").append(stats.getIdleConnections())
            .append(", waiting ").append(stats.getThreadsAwaitingConnection()).append('\n');
      }
    }
  }

  /** ThreadInfo.toString() cuts stacks at eight frames; a stuck handler is usually deeper. */
  private static String describe(ThreadInfo thread) {
    StringBuilder text = new StringBuilder("\"").append(thread.getThreadName()).append("\" ")
        .append(thread.getThreadState());
    if (thread.getLockName() != null) {
      text.append(" on ").append(thread.getLockName());
    }
    if (thread.getLockOwnerName() != null) {
      text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
    }
    text.append('\n');
    Arrays.stream(thread.getStackTrace()).forEach(frame -> text.append("    at ").append(frame).append('\n'));
    return text.toString();
  }
}
