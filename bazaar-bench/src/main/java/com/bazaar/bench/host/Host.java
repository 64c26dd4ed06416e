package com.bazaar.bench.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One host of a run: a control group with a CPU quota and a memory limit, standing in for a
 * machine of that size. Processes start inside it through {@link #wrap}, which joins the group
 * before it execs the real command, so they never run un-limited, not even while starting.
 */
public final class Host {

  private final HostLayer layer;
  private final String name;
  private final String group;
  private volatile HostSize size;

  Host(HostLayer layer, String name, String group, HostSize size) {
    this.layer = layer;
    this.name = name;
    this.group = group;
    this.size = size;
  }

  public String name() {
    return name;
  }

  public HostSize size() {
    return size;
  }

  /** The group's path under each hierarchy's mount point, e.g. {@code bazaar-4711/app-1}. */
  public String group() {
    return group;
  }

  /**
   * The command, started by a shell that first writes its own pid to every hierarchy's
   * {@code cgroup.procs} and then execs the command in the same process: the command's first
   * instruction already runs inside the host. If joining fails the shell exits 97 without
   * running the command.
   */
  public List<String> wrap(List<String> command) {
    String join = layer.tree().procsFiles(group).stream()
        .map(f -> "echo $$ > '" + f + "'")
        .collect(Collectors.joining(" && "));
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
        join + " || { echo 'cannot join host " + name + "' >&2; exit 97; }; exec \"$@\"", "bazaar-host-" + name));
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * For scripts that start servers themselves (bin/engine): the files to write the server's pid
   * to, space-separated in {@code BAZAAR_HOST_PROCS}.
   */
  public Map<String, String> environment() {
    return Map.of("BAZAAR_HOST_PROCS",
        layer.tree().procsFiles(group).stream().map(Path::toString).collect(Collectors.joining(" ")),
        "BAZAAR_HOST_NAME", name);
  }

  /** Moves a running process into the host (a process started elsewhere, e.g. by a script). */
  public void join(long pid) throws IOException {
    for (Path procs : layer.tree().procsFiles(group)) {
      layer.tree().fs.write(procs, Long.toString(pid));
    }
  }

  /** The CPU time the host's processes have used since it was created, from the cgroup's accounting. */
  public long cpuNanos() throws IOException {
    return layer.tree().cpuUsageNanos(group);
  }

  public Throttling throttling() throws IOException {
    return layer.tree().throttling(group);
  }

  public Set<Long> pids() throws IOException {
    return layer.tree().pids(group);
  }

  /** Lifts the CPU quota, e.g. to let the JIT compile the hot paths before the quota applies. */
  public void unlimit() throws IOException {
    layer.tree().unlimitCpu(group, layer.periodMicros());
  }

  /** Applies the host's size again (after {@link #unlimit}), or a new size: a live group can be resized. */
  public void resize(HostSize newSize) throws IOException {
    layer.tree().limit(group, newSize, layer.periodMicros());
    size = newSize;
  }

  @Override
  public String toString() {
    return name + " (" + size + ")";
  }
}
