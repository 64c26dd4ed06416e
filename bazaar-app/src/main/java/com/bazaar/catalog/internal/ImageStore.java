package com.bazaar.catalog.internal;

import java.util.Optional;

/**
 * The catalog's port onto where item pictures are kept. Pictures are named by their content's
 * hash, so a name is written at most once with one content: a repeated or concurrent store of
 * the same name is harmless, and nothing stored ever changes.
 */
interface ImageStore {

  /** Stores the bytes under the name, whole or not at all (a reader never sees part of them). */
  void store(String name, byte[] bytes);

  Optional<byte[]> load(String name);
}
