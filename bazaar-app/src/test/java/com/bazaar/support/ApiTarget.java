package com.bazaar.support;

import java.util.Optional;

/**
 * Where the {@link ApiTest}s send their requests: to the app their own context starts in the
 * test's JVM (the default), or to a deployment in other processes that a suite started, e.g. the
 * services deployment behind nginx ({@code HttpApiOnServicesIT}). A suite points the tests at its
 * deployment before the first of them loads its context and takes them back after the last one.
 */
public final class ApiTarget {
  private static volatile Optional<Remote> remote = Optional.empty();

  private ApiTarget() {}

  /** A deployment the test's JVM does not run: the shop's port, and its database for {@link TestItems}' reads. */
  public record Remote(int port, String jdbcUrl, String jdbcUser, String jdbcPassword) {}

  public static void remote(Remote deployment) {
    remote = Optional.of(deployment);
  }

  public static void inProcess() {
    remote = Optional.empty();
  }

  static Optional<Remote> remote() {
    return remote;
  }
}
