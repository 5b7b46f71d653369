package org.iechorfile.engine.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One command to run in the sandbox.
 *
 * @param layersDirectory the directory the layer names are relative to; short relative names keep
 *     the overlay mount options within one page
 * @param lowerLayers the image's layers as names relative to {@code layersDirectory}, topmost
 *     first; may be empty (a scratch image). A layer directory never changes once it is named here
 *     (a sandbox may remember what it holds)
 * @param upperDirectory an empty directory that receives every change the command makes: the new
 *     layer
 * @param workDirectory an empty directory on the same filesystem as {@code upperDirectory}, for
 *     overlayfs's own use
 * @param argv the program and its arguments, resolved with the PATH of {@code environment}
 * @param environment the command's whole environment as {@code NAME=value} entries
 * @param workingDirectory the absolute directory inside the image to start in; created when missing
 * @param uid the user id to run as
 * @param gid the group id to run as
 * @param hostname the host name the command sees
 * @param network whether the command shares the host's network (otherwise only a loopback
 *     interface)
 * @param mounts extra mounts for this command
 * @param groups the supplementary group ids to run with; empty for none
 */
public record SandboxRequest(
    Path layersDirectory,
    List<String> lowerLayers,
    Path upperDirectory,
    Path workDirectory,
    List<String> argv,
    List<String> environment,
    String workingDirectory,
    int uid,
    int gid,
    String hostname,
    boolean network,
    List<SandboxMount> mounts,
    List<Integer> groups) {

  public SandboxRequest {
    Objects.requireNonNull(layersDirectory, "layersDirectory");
    lowerLayers = List.copyOf(lowerLayers);
    for (String layer : lowerLayers) {
      if (layer.isEmpty() || layer.contains(",") || layer.contains(":")) {
        throw new IllegalArgumentException("layer names may not contain ',' or ':': " + layer);
      }
    }
    Objects.requireNonNull(upperDirectory, "upperDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("nothing to run: argv is empty");
    }
    environment = List.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (!workingDirectory.startsWith("/")) {
      throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("ids must not be negative: " + uid + ":" + gid);
    }
    Objects.requireNonNull(hostname, "hostname");
    mounts = List.copyOf(mounts);
    groups = List.copyOf(groups);
    for (int group : groups) {
      if (group < 0) {
        throw new IllegalArgumentException("group ids must not be negative: " + group);
      }
    }
  }

  /** A request that runs without supplementary groups. */
  public SandboxRequest(
      Path layersDirectory,
      List<String> lowerLayers,
      Path upperDirectory,
      Path workDirectory,
      List<String> argv,
      List<String> environment,
      String workingDirectory,
      int uid,
      int gid,
      String hostname,
      boolean network,
      List<SandboxMount> mounts) {
    this(
        layersDirectory,
        lowerLayers,
        upperDirectory,
        workDirectory,
        argv,
        environment,
        workingDirectory,
        uid,
        gid,
        hostname,
        network,
        mounts,
        List.of());
  }
}
