package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

/**
 * One catalog instance killed under concurrent calls (docs/services.md, Failure semantics): a
 * read's next attempt goes to an instance it has not failed on, although other callers moved the
 * balancer's round robin in between, which would have sent it back to the dead one.
 */
class TriedInstancesTest {
  private static final ServiceInstance KILLED = instance("catalog-1", 8291);
  private static final ServiceInstance ALIVE = instance("catalog-2", 8292);

  private final LoadBalancerLifecycle<Object, Object, ServiceInstance> recorder = TriedInstances.recorder();
  // Seeded so that the first pick is the killed instance; then they alternate.
  private final RoundRobinLoadBalancer balancer = balancer(TriedInstances.avoidedBy(listing(KILLED, ALIVE)), 1);

  @Test
  void aCallsNextAttemptAvoidsTheInstanceItFailedOnWhateverOtherCallersPicked() throws Exception {
    var otherCaller = Executors.newSingleThreadExecutor();
    try {
      List<ServiceInstance> attempts = TriedInstances.during(() -> {
        ServiceInstance first = choose();
        recorder.onComplete(refused(first));
        // Another request thread's call picks meanwhile: the round robin moves on by one.
        CompletableFuture.supplyAsync(this::choose, otherCaller).join();
        return List.of(first, choose());
      });

      assertThat(attempts).containsExactly(KILLED, ALIVE);
    } finally {
      otherCaller.shutdown();
    }
  }

  @Test
  void withoutTheRecordTheSameInterleavingSendsTheRetryBackToTheKilledInstance() {
    RoundRobinLoadBalancer plain = balancer(listing(KILLED, ALIVE), 1);

    assertThat(List.of(choose(plain), choose(plain), choose(plain))).containsExactly(KILLED, ALIVE, KILLED);
  }

  @Test
  void aFiveHundredAnswerCountsAsAFailureAndAnAnswerDoesNot() {
    List<ServiceInstance> listed = TriedInstances.during(() -> {
      recorder.onComplete(answered(KILLED, HttpStatus.SERVICE_UNAVAILABLE));
      recorder.onComplete(answered(ALIVE, HttpStatus.OK));
      return TriedInstances.untried(List.of(KILLED, ALIVE));
    });

    assertThat(listed).containsExactly(ALIVE);
  }

  @Test
  void whenEveryInstanceFailedTheCallTriesThemAllAgain() {
    List<ServiceInstance> listed = TriedInstances.during(() -> {
      recorder.onComplete(refused(KILLED));
      recorder.onComplete(refused(ALIVE));
      return TriedInstances.untried(List.of(KILLED, ALIVE));
    });

    assertThat(listed).containsExactly(KILLED, ALIVE);
  }

  @Test
  void theRecordIsOneCallsOnly() {
    TriedInstances.during(() -> {
      recorder.onComplete(refused(KILLED));
      return null;
    });
    recorder.onComplete(refused(ALIVE)); // outside a call: recorded nowhere

    assertThat(TriedInstances.untried(List.of(KILLED, ALIVE))).containsExactly(KILLED, ALIVE);
    assertThat(TriedInstances.during(() -> TriedInstances.untried(List.of(KILLED, ALIVE))))
        .containsExactly(KILLED, ALIVE);
  }

  private ServiceInstance choose() {
    return choose(balancer);
  }

  private static ServiceInstance choose(RoundRobinLoadBalancer balancer) {
    return balancer.choose(new DefaultRequest<>()).block().getServer();
  }

  private static RoundRobinLoadBalancer balancer(ServiceInstanceListSupplier supplier, int seed) {
    var beans = new StaticListableBeanFactory(Map.of("instances", supplier));
    return new RoundRobinLoadBalancer(beans.getBeanProvider(ServiceInstanceListSupplier.class), "catalog", seed);
  }

  private static ServiceInstanceListSupplier listing(ServiceInstance... instances) {
    return new ServiceInstanceListSupplier() {
      @Override
      public String getServiceId() {
        return "catalog";
      }

      @Override
      public Flux<List<ServiceInstance>> get() {
        return Flux.just(List.of(instances));
      }
    };
  }

  private static CompletionContext<Object, ServiceInstance, Object> refused(ServiceInstance instance) {
    return new CompletionContext<>(CompletionContext.Status.FAILED, new java.net.ConnectException("Connection refused"),
        new DefaultRequest<>(), new DefaultResponse(instance));
  }

  private static CompletionContext<Object, ServiceInstance, Object> answered(ServiceInstance instance, HttpStatus status) {
    return new CompletionContext<>(CompletionContext.Status.SUCCESS, new DefaultRequest<>(), new DefaultResponse(instance),
        new ResponseData(status, new HttpHeaders(), new LinkedMultiValueMap<>(), null));
  }

  private static ServiceInstance instance(String id, int port) {
    return new DefaultServiceInstance(id, "catalog", "127.0.0.1", port, false);
  }
}
