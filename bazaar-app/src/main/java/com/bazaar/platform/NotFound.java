package com.bazaar.platform;

/** A resource that does not exist, or that the caller may not see: answered with 404. */
public abstract class NotFound extends RuntimeException {
  protected NotFound(String message) {
    super(message);
  }
}
