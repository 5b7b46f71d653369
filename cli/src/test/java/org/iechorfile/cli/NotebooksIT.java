package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
    assertTrue(result.output().contains("5 passed, 0 failed"), result.output());
    assertEquals(0, result.exitCode(), result.output());

    assertTrue(
        Files.readString(copy.resolve("out/iEchorfile")).contains("RUN sh setup.sh"),
        "notebook 5 exported no iEchorfile with its steps");
    String inspected = run("skopeo", "inspect", "docker-archive:" + copy.resolve("out/hello.tar"));
    assertTrue(inspected.contains("\"Architecture\""), inspected);

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

  private static String run(String... argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", argv) + " timed out");
    assertEquals(0, process.exitValue(), String.join(" ", argv) + ":\n" + output);
    return output;
  }
}
