package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.protection.CircuitBreakers;
import com.bazaar.platform.protection.ProtectionProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.blocking.client.BlockingLoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import reactor.core.publisher.Flux;

/**
 * The breaker of a remote service counts its instances' failures, not the calls made before any
 * instance was known (docs/services.md, Failure semantics): a web instance started before the
 * catalog calls it at once when the first catalog instance registers. Through Spring Cloud
 * LoadBalancer's own blocking client, so the "no instance" it answers is the one the deployment meets.
 */
class RemoteCallsTest {
  private static final ServiceInstance CATALOG = new DefaultServiceInstance("catalog-1", "catalog", "127.0.0.1", 8291, false);
  private static final String BREAKER = "service-catalog";

  private final CircuitBreakers breakers = new CircuitBreakers(new ProtectionProperties(null, null));
  private final RemoteCalls calls = new RemoteCalls(breakers, new ServicesProperties(0, null, null, null, null, null));
  private final List<ServiceInstance> registered = new CopyOnWriteArrayList<>();
  private final BlockingLoadBalancerClient balancer = balancer(registered);

  @Test
  void readsBeforeAnyInstanceIsKnownAreUnavailableButLeaveTheBreakerClosedForTheFirstInstance() {
    // More failed reads than the breaker needs to open (minimum-calls 5, 50 %).
    for (int read = 0; read < 6; read++) {
      assertThatThrownBy(() -> calls.read("catalog", this::callCatalog)).isInstanceOf(ServiceUnavailable.class);
    }
    registered.add(CATALOG);

    assertThat(calls.read("catalog", this::callCatalog)).isEqualTo("answered by catalog-1");
    assertThat(calls.read("catalog", this::callCatalog)).isEqualTo("answered by catalog-1");
    assertThat(breakers.state(BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aWriteBeforeAnyInstanceIsKnownIsUnavailableAndNotCountedEither() {
    for (int write = 0; write < 6; write++) {
      assertThatThrownBy(() -> calls.write("catalog", this::callCatalog)).isInstanceOf(ServiceUnavailable.class);
    }

    assertThat(breakers.state(BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void anInstanceThatIsNotReadyYetIsUnavailableButNotCounted() {
    registered.add(CATALOG);
    HttpHeaders notReady = new HttpHeaders();
    notReady.set(ServiceReadiness.NOT_READY, "true");
    for (int read = 0; read < 6; read++) {
      assertThatThrownBy(() -> calls.read("catalog", () -> balanced(instance -> {
        throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", notReady, null, null);
      }))).isInstanceOf(ServiceUnavailable.class);
    }

    assertThat(breakers.state(BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(calls.read("catalog", this::callCatalog)).isEqualTo("answered by catalog-1");
  }

  @Test
  void anInstanceAnswering503OfItsOwnStillOpensTheBreaker() {
    registered.add(CATALOG);
    for (int read = 0; read < 5; read++) {
      assertThatThrownBy(() -> calls.read("catalog", () -> balanced(instance -> {
        throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", new HttpHeaders(), null, null);
      }))).isInstanceOf(ServiceUnavailable.class);
    }

    assertThat(breakers.state(BREAKER)).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void anInstanceThatDoesNotAnswerStillOpensTheBreaker() {
    registered.add(CATALOG);
    for (int read = 0; read < 5; read++) {
      assertThatThrownBy(() -> calls.read("catalog", () -> balanced(instance -> {
        throw new ResourceAccessException("I/O error: Connection refused");
      }))).isInstanceOf(ServiceUnavailable.class);
    }

    assertThat(breakers.state(BREAKER)).isEqualTo(CircuitBreaker.State.OPEN);
  }

  private String callCatalog() {
    return balanced(instance -> "answered by " + instance.getInstanceId());
  }

  private <T> T balanced(java.util.function.Function<ServiceInstance, T> call) {
    try {
      return balancer.execute("catalog", call::apply);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spring Cloud's blocking client over a round robin of whatever is registered right now. */
  private static BlockingLoadBalancerClient balancer(List<ServiceInstance> registered) {
    ServiceInstanceListSupplier listing = new ServiceInstanceListSupplier() {
      @Override
      public String getServiceId() {
        return "catalog";
      }

      @Override
      public Flux<List<ServiceInstance>> get() {
        return Flux.defer(() -> Flux.just(List.copyOf(registered)));
      }
    };
    var beans = new StaticListableBeanFactory(Map.of("instances", listing));
    var roundRobin = new RoundRobinLoadBalancer(beans.getBeanProvider(ServiceInstanceListSupplier.class), "catalog");
    return new BlockingLoadBalancerClient(new ReactiveLoadBalancer.Factory<>() {
      @Override
      public LoadBalancerProperties getProperties(String serviceId) {
        return new LoadBalancerProperties();
      }

      @Override
      public ReactiveLoadBalancer<ServiceInstance> getInstance(String serviceId) {
        return roundRobin;
      }

      @Override
      public <X> Map<String, X> getInstances(String name, Class<X> type) {
        return Map.of();
      }

      @Override
      public <X> X getInstance(String name, Class<?> clazz, Class<?>... generics) {
        throw new UnsupportedOperationException();
      }
    });
  }
}
