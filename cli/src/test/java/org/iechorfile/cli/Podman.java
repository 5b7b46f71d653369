package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * podman as root with storage of its own under a temporary directory, set up for hosts without
 * systemd (cgroupfs, file events, ulimits no higher than the hard limits) and run without cgroups.
 */
final class Podman {

  private final Path root;
  private final Path conf;

  private Podman(Path root, Path conf) {
    this.root = root;
    this.conf = conf;
  }

  /** A podman with its storage and configuration under {@code dir}. */
  static Podman in(Path dir) throws IOException, InterruptedException {
    String hardFiles = run(List.of("bash", "-c", "ulimit -Hn")).strip();
    Path conf = Files.createDirectories(dir.resolve("podman-conf")).resolve("containers.conf");
    Files.writeString(
        conf,
        "[containers]\ndefault_ulimits = [\"nofile="
            + hardFiles
            + ":"
            + hardFiles
            + "\", \"nproc=4096:4096\"]\n"
            + "[engine]\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
    return new Podman(Files.createDirectories(dir.resolve("podman-storage")), conf);
  }

  /** Loads {@code archive} (docker-archive or oci-archive) and runs {@code command} in it. */
  String loadAndRun(Path archive, String... command) throws IOException, InterruptedException {
    // podman refuses run roots longer than 50 characters.
    Path runRoot = Files.createTempDirectory(Path.of("/tmp"), "podman-rl-");
    try {
      List<String> podman =
          List.of(
              "env",
              "CONTAINERS_CONF=" + conf,
              "podman",
              "--root",
              root.toString(),
              "--runroot",
              runRoot.toString(),
              "--storage-driver",
              "vfs");
      List<String> load = new ArrayList<>(podman);
      load.addAll(List.of("load", "-q", "-i", archive.toString()));
      String loaded = run(load).strip();
      String image = loaded.substring(loaded.lastIndexOf(' ') + 1);
      List<String> start = new ArrayList<>(podman);
      start.addAll(List.of("run", "--rm", "--cgroups=disabled", "--network=none", image));
      start.addAll(List.of(command));
      return run(start);
    } finally {
      removeRunRoot(runRoot);
    }
  }

  /**
   * Removes the run root; podman's cleanup may still write into it just after {@code run --rm}
   * returned, so a few tries are made. A run root left in {@code /tmp} does not fail the test.
   */
  private static void removeRunRoot(Path runRoot) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 10 && Files.exists(runRoot); attempt++) {
      Process rm =
          new ProcessBuilder("rm", "-rf", "--one-file-system", runRoot.toString())
              .redirectErrorStream(true)
              .start();
      rm.getInputStream().readAllBytes();
      if (rm.waitFor() != 0) {
        Thread.sleep(200);
      }
    }
  }

  private static String run(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
    assertEquals(0, process.exitValue(), String.join(" ", argv) + ":\n" + output);
    return output;
  }
}
