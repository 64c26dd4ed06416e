package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The service clients of the services deployment run on Apache HttpClient 5 with a pool of
 * {@code bazaar.services.max-connections-per-instance} connections per instance, and keep the
 * timeouts of their group. The group {@code catalog} is configured by the real
 * application-services.yaml, its base URL pointed at a local server instead of {@code lb://catalog}
 * (the balancer is not what is tested here; CatalogContractAcrossServicesTest runs the whole chain).
 */
class ServiceConnectionsTest {
  private static final Duration HELD = Duration.ofMillis(100);
  /** Between the two read timeouts the tests give the group: 500 ms cuts it, 5 s waits it out. */
  private static final Duration SLOW = Duration.ofSeconds(2);

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final CountDownLatch serverStops = new CountDownLatch(1);
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private HttpServer server;

  @HttpExchange
  interface Probe {
    @GetExchange("/held")
    String held();

    @GetExchange("/slow")
    String slow();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ServicesProperties.class)
  @ImportHttpServices(group = "catalog", types = Probe.class)
  static class CatalogGroup {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(serverThreads);
    server.createContext("/held", exchange -> answerAfter(exchange, HELD));
    server.createContext("/slow", exchange -> answerAfter(exchange, SLOW));
    server.start();
  }

  @AfterEach
  void stopServer() {
    serverStops.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Test
  void theCatalogClientRunsOnHttpComponents() {
    services("2").run(context -> {
      assertThat(context.getEnvironment().getProperty("spring.http.clients.imperative.factory"))
          .isEqualTo("http-components");
      assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
          .isInstanceOf(HttpComponentsClientHttpRequestFactoryBuilder.class);
      assertThat(context).hasSingleBean(ServiceConnections.class);
    });
  }

  @Test
  void callsToOneInstanceShareAtMostMaxConnectionsPerInstance() {
    services("2").run(context -> {
      Probe probe = context.getBean(HttpServiceProxyRegistry.class).getClient("catalog", Probe.class);
      ExecutorService callers = Executors.newFixedThreadPool(6);
      try {
        List<CompletableFuture<String>> calls = IntStream.range(0, 6)
            .mapToObj(call -> CompletableFuture.supplyAsync(probe::held, callers)).toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("held"));
        assertThat(mostInFlight).hasValue(2); // the other four waited for one of the two connections
      } finally {
        callers.shutdownNow();
      }
    });
  }

  @Test
  void theGroupsReadTimeoutStillApplies() {
    services("2").run(context -> {
      Probe probe = context.getBean(HttpServiceProxyRegistry.class).getClient("catalog", Probe.class);

      assertThat(catchThrowable(probe::slow)).as("a 500 ms read timeout against a 2 s answer")
          .isInstanceOf(ResourceAccessException.class)
          .hasRootCauseInstanceOf(SocketTimeoutException.class);
    });
    services("2").withPropertyValues("bazaar.services.read-timeout=5s").run(context -> {
      Probe probe = context.getBean(HttpServiceProxyRegistry.class).getClient("catalog", Probe.class);

      assertThat(probe.slow()).as("a 5 s read timeout against a 2 s answer").isEqualTo("slow");
    });
  }

  @Test
  void theMonolithSizesNoPool() {
    runner().withPropertyValues("bazaar.deployment.mode=monolith")
        .run(context -> assertThat(context).doesNotHaveBean(ServiceConnections.class));
  }

  private ApplicationContextRunner services(String maxConnectionsPerInstance) {
    return runner()
        .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(servicesProfile()))
        .withPropertyValues(
            "bazaar.deployment.mode=services",
            "bazaar.deployment.role=web",
            "bazaar.services.internal-port=9081",
            "bazaar.services.max-connections-per-instance=" + maxConnectionsPerInstance,
            "bazaar.services.connect-timeout=1s",
            "bazaar.services.read-timeout=500ms",
            "spring.http.serviceclient.catalog.base-url=http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
            ImperativeHttpClientAutoConfiguration.class, HttpServiceClientPropertiesAutoConfiguration.class,
            RestClientAutoConfiguration.class, HttpServiceClientAutoConfiguration.class))
        .withUserConfiguration(CatalogGroup.class, ServiceConnections.class);
  }

  private static org.springframework.core.env.PropertySource<?> servicesProfile() {
    try {
      return new YamlPropertySourceLoader().load("application-services.yaml",
          new ClassPathResource("application-services.yaml")).get(0);
    } catch (IOException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private void answerAfter(com.sun.net.httpserver.HttpExchange exchange, Duration delay) throws IOException {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      serverStops.await(delay.toMillis(), TimeUnit.MILLISECONDS); // the server's delay, cut short when the test ends
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    byte[] body = exchange.getRequestURI().getPath().substring(1).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
