package com.bazaar.bench.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cgroup hierarchy in a temporary directory that answers like the kernel where the host layer
 * depends on it: a new group has an empty {@code cgroup.procs}, writing a pid there adds it,
 * {@code rmdir} refuses while a process or a child group is inside, and an unprivileged user
 * cannot create groups.
 */
final class FakeCgroupFs implements CgroupFs {

  boolean denied;
  final List<String> writes = new ArrayList<>();

  @Override
  public void mkdir(Path group) throws IOException {
    if (denied) {
      throw new AccessDeniedException(group.toString());
    }
    Files.createDirectories(group);
    Path procs = group.resolve("cgroup.procs");
    if (!Files.exists(procs)) {
      Files.writeString(procs, "");
    }
  }

  @Override
  public void write(Path file, String value) throws IOException {
    writes.add(file + "=" + value);
    if (file.getFileName().toString().equals("cgroup.procs")) {
      Files.writeString(file, value + "\n", StandardOpenOption.APPEND);
    } else {
      Files.writeString(file, value);
    }
  }

  @Override
  public void rmdir(Path group) throws IOException {
    Path procs = group.resolve("cgroup.procs");
    if (Files.exists(procs) && !Files.readString(procs).isBlank() || !children(group).isEmpty()) {
      throw new FileSystemException(group.toString(), null, "Device or resource busy");
    }
    try (Stream<Path> s = Files.walk(group)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A process ends: it leaves every group it was in. */
  void exit(Path root, long pid) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path procs : s.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
        String left = String.join("\n", Files.readAllLines(procs).stream().filter(l -> !l.equals(Long.toString(pid))).toList());
        Files.writeString(procs, left.isEmpty() ? "" : left + "\n");
      }
    }
  }
}
