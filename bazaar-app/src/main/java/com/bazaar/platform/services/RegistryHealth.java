package com.bazaar.platform.services;

import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code registry} component of {@code /actuator/health} in the services deployment: UP while
 * this process's ZooKeeper client is connected; {@code UNREACHABLE} while it is not — calls then
 * go to the instances last listed ({@link LastKnownInstances}) and no instance can join. It reads
 * the client's connection state and never asks ZooKeeper, so it neither blocks nor fails the node:
 * {@code UNREACHABLE} is a status the health groups do not aggregate. It stands in for Spring Cloud
 * ZooKeeper's own indicators (off in application-services.yaml), which query ZooKeeper on every
 * check and report DOWN while it is away, so a balancer polling the health of every instance
 * would take them all out during a registry outage in which they all still serve.
 */
final class RegistryHealth implements HealthIndicator {
  static final Status UNREACHABLE =
      new Status("UNREACHABLE", "calls go to the instances last listed; no instance can join until it is back");

  private final BooleanSupplier connected;

  RegistryHealth(BooleanSupplier connected) {
    this.connected = connected;
  }

  @Override
  public Health health() {
    return connected.getAsBoolean() ? Health.up().build() : Health.status(UNREACHABLE).build();
  }
}
