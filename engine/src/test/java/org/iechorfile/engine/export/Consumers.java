package org.iechorfile.engine.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.testing.ExternalTools;

/**
 * Runs the image consumers the export tests check against (skopeo, umoci, podman), podman in a
 * storage of its own under {@code root} with the settings these machines need (see the test
 * environment notes): cgroupfs, file events, ulimits within the hard limits, the loopback registry
 * as insecure.
 */
final class Consumers {

  private final Path root;
  private final Path runRoot;
  private final Map<String, String> environment;

  private Consumers(Path root, Path runRoot, Map<String, String> environment) {
    this.root = root;
    this.runRoot = runRoot;
    this.environment = environment;
  }

  /** Consumers with their configuration under {@code root}; {@code registry} is HOST:PORT. */
  static Consumers in(Path root, String registry) throws IOException, InterruptedException {
    ExternalTools.require("skopeo", "skopeo");
    ExternalTools.require("umoci", "umoci");
    ExternalTools.require("podman", "podman");
    separateHybridControllers();
    String hardFiles = run(List.of("bash", "-c", "ulimit -Hn"), Map.of(), root).strip();
    Path containers = Files.createDirectories(root.resolve("conf"));
    Path conf = containers.resolve("containers.conf");
    Files.writeString(
        conf,
        "[containers]\n"
            + "default_ulimits = [\"nofile="
            + hardFiles
            + ":"
            + hardFiles
            // crun cannot set the process limit to the hard limit here; a lower one is allowed.
            + "\", \"nproc=4096:4096\"]\n"
            + "[engine]\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
    Path registries = containers.resolve("registries.conf");
    Files.writeString(
        registries,
        "unqualified-search-registries = []\n[[registry]]\nlocation = \""
            + registry
            + "\"\ninsecure = true\n");
    // podman refuses run roots longer than 50 characters.
    Path runRoot = Files.createTempDirectory(Path.of("/tmp"), "podman-run-");
    return new Consumers(
        root,
        runRoot,
        Map.of(
            "CONTAINERS_CONF", conf.toString(),
            "CONTAINERS_REGISTRIES_CONF", registries.toString()));
  }

  /**
   * Mounts each controller that the cgroup v2 hierarchy still owns as a v1 hierarchy of its own:
   * crun refuses a hybrid layout where v2 holds controllers (here hugetlb, without systemd).
   */
  private static void separateHybridControllers() throws IOException, InterruptedException {
    Path unified = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");
    if (!Files.exists(unified)) {
      return;
    }
    for (String controller : Files.readString(unified).trim().split("\\s+")) {
      if (controller.isEmpty()) {
        continue;
      }
      Path mountPoint = Files.createDirectories(Path.of("/sys/fs/cgroup", controller));
      run(
          List.of("mount", "-t", "cgroup", "-o", controller, "cgroup", mountPoint.toString()),
          Map.of(),
          Path.of("/tmp"));
    }
  }

  /** Removes podman's run root, which lives outside {@code root}. */
  void close() throws IOException, InterruptedException {
    run(List.of("rm", "-rf", "--one-file-system", runRoot.toString()), Map.of(), root);
  }

  String skopeo(String... args) throws IOException, InterruptedException {
    return run(prefixed("skopeo", args), environment, root);
  }

  String umoci(String... args) throws IOException, InterruptedException {
    return run(prefixed("umoci", args), environment, root);
  }

  /** Runs podman on its own storage under the consumers' root. */
  String podman(String... args) throws IOException, InterruptedException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "podman",
                "--root",
                root.resolve("podman/root").toString(),
                "--runroot",
                runRoot.toString(),
                "--storage-driver",
                "vfs"));
    argv.addAll(List.of(args));
    return run(argv, environment, root);
  }

  private static List<String> prefixed(String program, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(program);
    argv.addAll(List.of(args));
    return argv;
  }

  private static String run(List<String> argv, Map<String, String> environment, Path directory)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(directory, "out-", ".txt");
    Path err = Files.createTempFile(directory, "err-", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(directory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IOException(String.join(" ", argv) + " did not finish within 120 s");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", argv)
              + " failed with exit status "
              + process.exitValue()
              + ": "
              + Files.readString(err, StandardCharsets.UTF_8).strip());
    }
    Files.delete(out);
    Files.delete(err);
    return stdout;
  }
}
