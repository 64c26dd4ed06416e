package com.bazaar.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Pictures as files in one directory ({@code bazaar.images.dir}). Written to a temporary file
 * first and moved into place atomically, so a crash or a full disk never leaves half a picture
 * under its name. In a cluster every node points at the same shared directory (docs/cluster.md).
 */
final class FileSystemImageStore implements ImageStore {
  private final Path directory;

  FileSystemImageStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public void store(String name, byte[] bytes) {
    Path target = directory.resolve(checked(name));
    if (Files.exists(target)) {
      return; // the same name is the same content
    }
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".upload-", ".tmp");
      try {
        Files.write(temporary, bytes);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not store image " + name, e);
    }
  }

  @Override
  public Optional<byte[]> load(String name) {
    try {
      return Optional.of(Files.readAllBytes(directory.resolve(checked(name))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read image " + name, e);
    }
  }

  /** Names are hashes with an extension; anything else never reaches the file system. */
  private static String checked(String name) {
    if (!CatalogImages.NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not an image name: " + name);
    }
    return name;
  }
}
