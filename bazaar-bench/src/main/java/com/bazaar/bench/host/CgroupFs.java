package com.bazaar.bench.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The few file operations the host layer does on a cgroup hierarchy. The kernel's pseudo files
 * behave unlike a directory tree (a group is removed with {@code rmdir} while its control files
 * still show, writes can be refused), so tests swap in a fake over a temporary directory.
 */
interface CgroupFs {

  CgroupFs KERNEL = new CgroupFs() {};

  default void mkdir(Path group) throws IOException {
    Files.createDirectories(group);
  }

  /** Writes one value to a control file, as {@code echo value > file} would. */
  default void write(Path file, String value) throws IOException {
    Files.writeString(file, value, StandardCharsets.US_ASCII);
  }

  default String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII);
  }

  default boolean exists(Path path) {
    return Files.exists(path);
  }

  /** Removes an empty group; the kernel refuses (EBUSY) while processes are still in it. */
  default void rmdir(Path group) throws IOException {
    Files.delete(group);
  }

  /** The child groups of a group. */
  default List<Path> children(Path group) throws IOException {
    if (!Files.isDirectory(group)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(group)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
