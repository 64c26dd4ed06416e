package com.bazaar.platform.services;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances one remote call's attempts have failed on, so that its next attempt goes to
 * another instance ({@link RemoteCalls}; docs/services.md, Failure semantics). The balancer's round
 * robin is one position for all callers: under concurrent calls, one call's attempts do not
 * alternate between the instances, and all of a read's attempts could land on an instance that was
 * just killed while the other one answers. The blocking balancer chooses and calls on the caller's
 * thread, so the record is that thread's, opened for one call and dropped after it; outside a call
 * nothing is avoided.
 */
final class TriedInstances {
  private static final ThreadLocal<@Nullable Set<String>> FAILED = new ThreadLocal<>();

  private TriedInstances() {}

  /** Runs one call (all its attempts) with a record of its own. */
  static <T> T during(Supplier<T> call) {
    Set<String> outer = FAILED.get();
    FAILED.set(new HashSet<>());
    try {
      return call.get();
    } finally {
      FAILED.set(outer);
    }
  }

  /** An attempt of the running call failed on this instance: no answer, or a 5xx. */
  static void failedOn(ServiceInstance instance) {
    Set<String> failed = FAILED.get();
    if (failed != null) {
      failed.add(address(instance));
    }
  }

  /**
   * The instances the running call has not failed on; every instance when it failed on each of them
   * (one may be back), or when no call is running.
   */
  static List<ServiceInstance> untried(List<ServiceInstance> instances) {
    Set<String> failed = FAILED.get();
    return failed == null ? instances : untried(instances, Set.copyOf(failed));
  }

  private static List<ServiceInstance> untried(List<ServiceInstance> instances, Set<String> failed) {
    List<ServiceInstance> untried = instances.stream().filter(i -> !failed.contains(address(i))).toList();
    return untried.isEmpty() ? instances : untried;
  }

  private static String address(ServiceInstance instance) {
    return instance.getHost() + ":" + instance.getPort();
  }

  /** The balancer's list without the instances the caller's running call failed on (read on the caller's thread). */
  static ServiceInstanceListSupplier avoidedBy(ServiceInstanceListSupplier delegate) {
    return new Avoiding(delegate);
  }

  /** Tells the record which instance an attempt failed on, as the balancer completes it. */
  static LoadBalancerLifecycle<Object, Object, ServiceInstance> recorder() {
    return new Recorder();
  }

  private static final class Avoiding extends DelegatingServiceInstanceListSupplier {
    Avoiding(ServiceInstanceListSupplier delegate) {
      super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
      return filtered(getDelegate().get());
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
      return filtered(getDelegate().get(request));
    }

    /** The record is read now, on the caller's thread: the list may arrive on another one. */
    private static Flux<List<ServiceInstance>> filtered(Flux<List<ServiceInstance>> instances) {
      Set<String> failed = FAILED.get();
      if (failed == null || failed.isEmpty()) {
        return instances;
      }
      Set<String> avoided = Set.copyOf(failed);
      return instances.map(list -> untried(list, avoided));
    }
  }

  private static final class Recorder implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {
    @Override
    public void onStart(Request<Object> request) {}

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> chosen) {}

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
      Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
      if (chosen == null || chosen.getServer() == null) {
        return;
      }
      boolean failed = completion.status() == CompletionContext.Status.FAILED
          || completion.getClientResponse() instanceof ResponseData answer
              && answer.getHttpStatus() != null && answer.getHttpStatus().is5xxServerError();
      if (failed) {
        failedOn(chosen.getServer());
      }
    }
  }
}
