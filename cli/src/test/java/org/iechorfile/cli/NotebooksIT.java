package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teaching notebooks in {@code notebooks/}, executed with nbclient through the installed
 * kernelspec against a loopback registry that holds the busybox test image. Fails on any error
 * output or failure on stderr, and when nbconvert's HTML does not highlight the iEchorfile cells.
 * With {@code -Dnotebooks.write=true} (what {@code notebooks/run-notebooks} passes) the executed
 * notebooks replace the committed ones.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class NotebooksIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  static final Path NOTEBOOKS = Path.of("../notebooks").toAbsolutePath().normalize();

  @TempDir static Path root;
  private static JupyterClients clients;

  @BeforeAll
  static void install() throws Exception {
    JupyterClients.requireInstalled();
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    clients = new JupyterClients(root, "docker.io=" + REGISTRY.uri());
    clients.installKernel();
  }

  @Test
  void everyNotebook_executedThroughTheKernel_hasNoErrorsAndHighlightedCells() throws Exception {
    Path copy = root.resolve("notebooks");
    copyTree(NOTEBOOKS, copy);
    JupyterClients.Result result =
        clients.python(List.of("run_notebooks.py", copy.toString()), 1100);
    long count;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      count = files.filter(p -> p.toString().endsWith(".ipynb")).count();
    }
    assertTrue(count >= 5, "expected the five notebooks in " + NOTEBOOKS);
    assertTrue(result.output().contains(count + " passed, 0 failed"), result.output());
    assertEquals(0, result.exitCode(), result.output());

    assertTrue(
        Files.readString(copy.resolve("out/iEchorfile")).contains("RUN sh setup.sh"),
        "notebook 5 exported no iEchorfile with its steps");
    Path archive = copy.resolve("out/hello.tar");
    String inspected = run(Map.of(), "skopeo", "inspect", "docker-archive:" + archive);
    assertTrue(inspected.contains("\"Architecture\""), inspected);
    String served = podmanRun(archive, "cat", "/srv/app/www/index.html");
    assertTrue(served.contains("Hello from busybox httpd"), served);
    String built =
        run(
            clients.environment(),
            JupyterClients.javaLauncher(),
            "-jar",
            JupyterClients.JAR.toString(),
            "build",
            "-t",
            "hello:rebuilt",
            "--output",
            "docker-archive:" + root.resolve("rebuilt.tar"),
            "--progress",
            "plain",
            "-f",
            copy.resolve("out/iEchorfile").toString(),
            copy.toString());
    assertTrue(built.contains("RUN sh setup.sh"), built);
    String rebuilt = podmanRun(root.resolve("rebuilt.tar"), "cat", "/srv/app/www/index.html");
    assertTrue(rebuilt.contains("Hello from busybox httpd"), rebuilt);

    if (Boolean.getBoolean("notebooks.write")) {
      try (Stream<Path> books = Files.list(copy)) {
        for (Path book : books.filter(p -> p.toString().endsWith(".ipynb")).toList()) {
          Files.copy(
              book, NOTEBOOKS.resolve(book.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path relative = from.relativize(path);
        if (relative.startsWith("out") || relative.startsWith(".ipynb_checkpoints")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /**
   * Loads {@code archive} into fresh podman storage and runs {@code command} in the image, with the
   * settings podman needs on a host without systemd (cgroupfs, file events, ulimits no higher than
   * the hard limits) and no cgroups for the container.
   */
  private static String podmanRun(Path archive, String... command)
      throws IOException, InterruptedException {
    String hardFiles = run(Map.of(), "bash", "-c", "ulimit -Hn").strip();
    Path conf = Files.createDirectories(root.resolve("podman-conf")).resolve("containers.conf");
    Files.writeString(
        conf,
        "[containers]\ndefault_ulimits = [\"nofile="
            + hardFiles
            + ":"
            + hardFiles
            + "\", \"nproc=4096:4096\"]\n"
            + "[engine]\ncgroup_manager = \"cgroupfs\"\nevents_logger = \"file\"\n");
    // podman refuses run roots longer than 50 characters.
    Path runRoot = Files.createTempDirectory(Path.of("/tmp"), "podman-nb-");
    try {
      List<String> podman =
          List.of(
              "podman",
              "--root",
              Files.createTempDirectory(root, "podman-").toString(),
              "--runroot",
              runRoot.toString(),
              "--storage-driver",
              "vfs");
      Map<String, String> env = Map.of("CONTAINERS_CONF", conf.toString());
      List<String> load = new ArrayList<>(podman);
      load.addAll(List.of("load", "-q", "-i", archive.toString()));
      String loaded = run(env, load.toArray(String[]::new)).strip();
      String image = loaded.substring(loaded.lastIndexOf(' ') + 1);
      List<String> start = new ArrayList<>(podman);
      start.addAll(List.of("run", "--rm", "--cgroups=disabled", "--network=none", image));
      start.addAll(List.of(command));
      return run(env, start.toArray(String[]::new));
    } finally {
      run(Map.of(), "rm", "-rf", "--one-file-system", runRoot.toString());
    }
  }

  private static String run(Map<String, String> environment, String... argv)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
    assertEquals(0, process.exitValue(), String.join(" ", argv) + ":\n" + output);
    return output;
  }
}
