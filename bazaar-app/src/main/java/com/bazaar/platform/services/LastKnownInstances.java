package com.bazaar.platform.services;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances of a service as discovery last listed them, kept for when it cannot list them
 * (docs/services.md, Failure semantics: ZooKeeper down). Spring Cloud LoadBalancer's discovery
 * supplier turns a failed or timed-out registry query into an empty list, and its cache holds a
 * list only for {@code spring.cloud.loadbalancer.cache.ttl} (and never an empty one): without
 * this, every call fails with "no instances" a few seconds after ZooKeeper goes away although
 * the instances still answer. So: a non-empty answer is remembered and passed on; an empty
 * answer or a failure is replaced by the last non-empty list; and while the registry client is
 * not connected, the registry is not asked at all (its client would wait out its own retries
 * before answering nothing). A new instance is seen once the registry answers again.
 *
 * <p>The price: a service whose every instance left the registry is still tried at its last
 * addresses. Those refuse the connection, so the caller's answer is the same 503 as with no
 * instance ({@link RemoteCalls}: attempts, then the breaker).
 */
final class LastKnownInstances extends DelegatingServiceInstanceListSupplier {
  private static final Logger log = LoggerFactory.getLogger(LastKnownInstances.class);

  private final BooleanSupplier registryConnected;
  private volatile List<ServiceInstance> lastKnown = List.of();

  LastKnownInstances(ServiceInstanceListSupplier discovery, BooleanSupplier registryConnected) {
    super(discovery);
    this.registryConnected = registryConnected;
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    List<ServiceInstance> known = lastKnown;
    if (!known.isEmpty() && !registryConnected.getAsBoolean()) {
      return Flux.just(known);
    }
    return delegate.get()
        .map(this::rememberedOrLastKnown)
        .onErrorResume(failed -> {
          List<ServiceInstance> fallback = lastKnown;
          if (fallback.isEmpty()) {
            return Flux.<List<ServiceInstance>>error(failed);
          }
          log.warn("{}: discovery failed ({}); using the {} instance(s) last listed", getServiceId(), failed.toString(),
              fallback.size());
          return Flux.just(fallback);
        });
  }

  private List<ServiceInstance> rememberedOrLastKnown(List<ServiceInstance> answer) {
    if (!answer.isEmpty()) {
      lastKnown = List.copyOf(answer);
      return answer;
    }
    List<ServiceInstance> known = lastKnown;
    if (!known.isEmpty()) {
      log.info("{}: discovery listed no instance; using the {} last listed", getServiceId(), known.size());
    }
    return known.isEmpty() ? answer : known;
  }
}
