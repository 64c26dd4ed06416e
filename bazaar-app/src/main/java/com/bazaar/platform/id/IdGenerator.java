package com.bazaar.platform.id;

/** The id port: 64-bit ids, unique across nodes and restarts, roughly ordered by time. */
public interface IdGenerator {
  long nextId();
}
