package com.bazaar.platform.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * ZooKeeper down (docs/services.md, Failure semantics): the balancer keeps the instances discovery
 * last listed, and sees new ones as soon as discovery answers again.
 */
class LastKnownInstancesTest {
  private static final ServiceInstance FIRST = instance("catalog-1", 8291);
  private static final ServiceInstance SECOND = instance("catalog-2", 8292);
  private static final ServiceInstance THIRD = instance("catalog-3", 8293);

  private final Discovery discovery = new Discovery();
  private final AtomicBoolean connected = new AtomicBoolean(true);
  private final LastKnownInstances instances = new LastKnownInstances(discovery, connected::get);

  @Test
  void aDiscoveryThatFailsAfterAnsweringLeavesTheLastListedInstances() {
    discovery.answers(() -> Flux.just(List.of(FIRST, SECOND)));
    discovery.answers(() -> Flux.error(new IllegalStateException("ConnectionLoss for /services/catalog")));

    assertThat(instances.get().blockFirst()).containsExactly(FIRST, SECOND);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST, SECOND);
  }

  @Test
  void anEmptyAnswerLeavesTheLastListedInstances() {
    // Spring Cloud's discovery supplier answers a failed or timed-out query with an empty list.
    discovery.answers(() -> Flux.just(List.of(FIRST)));
    discovery.answers(() -> Flux.just(List.of()));

    assertThat(instances.get().blockFirst()).containsExactly(FIRST);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST);
  }

  @Test
  void whileTheRegistryIsUnreachableItIsNotAskedAndTheKnownInstancesServe() {
    discovery.answers(() -> Flux.just(List.of(FIRST, SECOND)));
    assertThat(instances.get().blockFirst()).containsExactly(FIRST, SECOND);

    connected.set(false);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST, SECOND);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST, SECOND);
    assertThat(discovery.asked).hasValue(1);
  }

  @Test
  void anInstanceThatJoinsIsSeenOnceTheRegistryAnswersAgain() {
    discovery.answers(() -> Flux.just(List.of(FIRST)));
    discovery.answers(() -> Flux.error(new IllegalStateException("registry down")));
    discovery.answers(() -> Flux.just(List.of(FIRST, THIRD)));

    assertThat(instances.get().blockFirst()).containsExactly(FIRST);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST);
    assertThat(instances.get().blockFirst()).containsExactly(FIRST, THIRD);
  }

  @Test
  void withNothingKnownYetAFailureIsAFailureAndAnEmptyAnswerIsEmpty() {
    discovery.answers(() -> Flux.error(new IllegalStateException("registry down")));
    discovery.answers(() -> Flux.just(List.of()));

    assertThatThrownBy(() -> instances.get().blockFirst()).hasMessageContaining("registry down");
    assertThat(instances.get().blockFirst()).isEmpty();
  }

  private static ServiceInstance instance(String id, int port) {
    return new DefaultServiceInstance(id, "catalog", "127.0.0.1", port, false);
  }

  /** A discovery supplier that gives its answers in turn, then repeats the last one. */
  private static final class Discovery implements ServiceInstanceListSupplier {
    private final Deque<Supplier<Flux<List<ServiceInstance>>>> answers = new ArrayDeque<>();
    private final AtomicInteger asked = new AtomicInteger();

    void answers(Supplier<Flux<List<ServiceInstance>>> answer) {
      answers.add(answer);
    }

    @Override
    public String getServiceId() {
      return "catalog";
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
      asked.incrementAndGet();
      return answers.size() > 1 ? answers.poll().get() : answers.getFirst().get();
    }
  }
}
