package com.bazaar.bench.host;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

/**
 * The hosts of one run, all under one group named {@code bazaar-<pid>} (the pid of the run's
 * JVM) in every hierarchy. Removed when the run closes it, by a shutdown hook when the JVM is
 * stopped, and by the next run when neither happened (a killed JVM: its pid is gone).
 */
public final class HostLayer implements AutoCloseable {

  /** Run groups are named with this prefix and their owner's pid. */
  static final String PREFIX = "bazaar-";
  /** The CFS period hosts use unless told otherwise; why 20 ms is in docs/benchmarks.md. */
  public static final long DEFAULT_PERIOD_MICROS = 20_000;

  /** Ends a process left in a host; answers when it has gone. */
  interface Reaper {
    void reap(long pid) throws IOException, InterruptedException;

    Reaper KILL = pid -> {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isPresent()) {
        p.get().destroyForcibly();
        try {
          p.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // the rmdir that follows says the group is still busy
        }
      }
    };
  }

  /** The host layer is unavailable here; the message says why. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }

  private final CgroupTree tree;
  private final String runGroup;
  private final long periodMicros;
  private final Reaper reaper;
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private Thread shutdownHook;
  private boolean closed;

  private HostLayer(CgroupTree tree, String runGroup, long periodMicros, Reaper reaper) {
    this.tree = tree;
    this.runGroup = runGroup;
    this.periodMicros = periodMicros;
    this.reaper = reaper;
  }

  /**
   * Opens the host layer on this machine's cgroups: finds the controllers, removes the groups of
   * runs whose JVM has died, creates this run's group and registers a shutdown hook that removes it.
   */
  public static HostLayer open(long periodMicros, PrintStream out) throws Unavailable {
    return open(Path.of("/proc/self/mounts"), periodMicros, out);
  }

  /** The same, reading the mount table from {@code procMounts} (a test shows a machine without cgroups). */
  static HostLayer open(Path procMounts, long periodMicros, PrintStream out) throws Unavailable {
    String mounts;
    try {
      mounts = Files.readString(procMounts);
    } catch (IOException e) {
      throw new Unavailable("cannot read " + procMounts + " (" + e.getMessage() + "): no cgroups, so no hosts");
    }
    CgroupTree tree = CgroupTree.detect(mounts, CgroupFs.KERNEL).orElseThrow(() -> new Unavailable(
        "neither cgroup v1 (cpu, cpuacct and memory mounted) nor cgroup v2 with the cpu and memory controllers "
            + "is available here: no hosts"));
    HostLayer layer = open(tree, ProcessHandle.current().pid(), periodMicros, pid -> ProcessHandle.of(pid).isPresent(),
        Reaper.KILL, out);
    layer.shutdownHook = new Thread(layer::closeQuietly, "bazaar-hosts-cleanup");
    Runtime.getRuntime().addShutdownHook(layer.shutdownHook);
    return layer;
  }

  static HostLayer open(CgroupTree tree, long ownerPid, long periodMicros, LongPredicate alive, Reaper reaper,
                        PrintStream out) throws Unavailable {
    HostSize.checkPeriod(periodMicros);
    HostLayer layer = new HostLayer(tree, PREFIX + ownerPid, periodMicros, reaper);
    layer.removeStaleRuns(alive, out);
    try {
      for (Path root : tree.roots()) {
        tree.fs.mkdir(root.resolve(layer.runGroup));
      }
      tree.enableControllers(layer.runGroup);
    } catch (AccessDeniedException e) {
      layer.closeQuietly();
      throw new Unavailable("cannot create the hosts' group " + e.getFile() + ": permission denied (run as root, or "
          + "give this user a delegated cgroup): no hosts");
    } catch (IOException e) {
      layer.closeQuietly();
      throw new Unavailable("cannot create the hosts' group under " + tree.roots() + " (" + tree.version() + "): "
          + e + ": no hosts");
    }
    return layer;
  }

  /** Creates a host of the given size; its processes start with {@link Host#wrap}. */
  public synchronized Host add(String name, HostSize size) throws IOException {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("a host name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    if (closed) {
      throw new IllegalStateException("the host layer is closed");
    }
    if (hosts.containsKey(name)) {
      throw new IllegalArgumentException("host '" + name + "' exists already");
    }
    String group = runGroup + "/" + name;
    Host host = new Host(this, name, group, size);
    hosts.put(name, host);
    for (Path dir : tree.dirs(group)) {
      tree.fs.mkdir(dir);
    }
    tree.limit(group, size, periodMicros);
    return host;
  }

  /** Removes a host: ends whatever still runs in it, then removes its group. */
  public synchronized void remove(Host host) throws IOException, InterruptedException {
    hosts.remove(host.name());
    removeGroup(host.group());
  }

  public synchronized List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  public String version() {
    return tree.version();
  }

  public long periodMicros() {
    return periodMicros;
  }

  public String runGroup() {
    return runGroup;
  }

  CgroupTree tree() {
    return tree;
  }

  /** Removes every host and the run's group, ending what still runs in them. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failed = null;
    for (Host host : new ArrayList<>(hosts.values())) {
      try {
        removeGroup(host.group());
      } catch (IOException e) {
        failed = e;
      }
    }
    hosts.clear();
    for (Path root : tree.roots()) {
      Path dir = root.resolve(runGroup);
      if (tree.fs.exists(dir)) {
        tree.fs.rmdir(dir);
      }
    }
    if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway and finds nothing left
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("bazaar hosts: could not remove " + runGroup + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeGroup(String group) throws IOException, InterruptedException {
    for (long pid : tree.pids(group)) {
      reaper.reap(pid); // a process of this run that its deployment did not stop
    }
    for (Path dir : tree.dirs(group)) {
      if (tree.fs.exists(dir)) {
        tree.fs.rmdir(dir);
      }
    }
  }

  /** Run groups whose JVM is gone (killed before its hook ran): end their leftovers and remove them. */
  private void removeStaleRuns(LongPredicate alive, PrintStream out) {
    for (Path root : tree.roots()) {
      List<Path> runs;
      try {
        runs = tree.fs.children(root);
      } catch (IOException e) {
        continue;
      }
      for (Path run : runs) {
        String name = run.getFileName().toString();
        if (!name.matches(PREFIX + "\\d+") || alive.test(Long.parseLong(name.substring(PREFIX.length())))) {
          continue;
        }
        try {
          for (Path host : tree.fs.children(run)) {
            removeGroup(name + "/" + host.getFileName());
          }
          if (tree.fs.exists(run)) {
            tree.fs.rmdir(run);
          }
          out.println("bazaar hosts: removed " + run + ", left by a run that died");
        } catch (IOException e) {
          out.println("bazaar hosts: cannot remove " + run + ", left by a run that died: " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
