package com.bazaar.platform;

/** A request that is well formed but clashes with the current state: answered with 409. */
public abstract class Conflict extends RuntimeException {
  protected Conflict(String message) {
    super(message);
  }
}
