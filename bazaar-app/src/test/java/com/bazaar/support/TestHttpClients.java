package com.bazaar.support;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP clients for tests, each with a cookie jar of its own (a shopper, a session) but one worker
 * pool for all. A JDK client left to itself starts a cached pool of its own that lives until the
 * client is collected: the suite's thousands of shoppers held 1,800 idle workers in the test JVM
 * (7,500 threads at the peak, beside the application contexts under test).
 */
public final class TestHttpClients {
  private static final AtomicInteger WORKERS = new AtomicInteger();
  private static final ExecutorService SHARED = Executors.newCachedThreadPool(task -> {
    Thread worker = new Thread(task, "test-http-" + WORKERS.incrementAndGet());
    worker.setDaemon(true);
    return worker;
  });

  private TestHttpClients() {}

  /** A client with its own cookie jar, on the shared workers. */
  public static HttpClient withCookies() {
    return builder().cookieHandler(new CookieManager()).build();
  }

  /** A builder on the shared workers, for clients that need more settings. */
  public static HttpClient.Builder builder() {
    return HttpClient.newBuilder().executor(SHARED);
  }
}
