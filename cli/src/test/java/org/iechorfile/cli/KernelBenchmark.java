package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iechorfile.kernel.KernelSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel start-to-ready time and the round trip of an ENV cell, beside Debian's ipykernel running
 * an assignment, through jupyter_client in the same run. Prints figures; asserts only that the
 * measurement ran.
 */
@Tag("benchmark")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KernelBenchmark {

  /** {@code ./iechorfile}, which builds the jar and its class-data archive when they are stale. */
  private static final Path LAUNCHER = Path.of("..", "iechorfile").toAbsolutePath().normalize();

  @TempDir Path root;

  @Test
  void startAndEnvRoundTrip_besideIpykernel_printed() throws Exception {
    JupyterClients.requireInstalled();
    // The packaged jar and its class-data archive, as ./iechorfile makes them, then the kernel
    // installed from that jar as a user installs it.
    Process warm = new ProcessBuilder(LAUNCHER.toString(), "--version").inheritIO().start();
    assertEquals(0, warm.waitFor(), "./iechorfile --version failed");
    JupyterClients clients = new JupyterClients(root, "");
    clients.installKernel();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path classpath =
        KernelSpec.forClasspath(java, System.getProperty("java.class.path"), Main.class.getName())
            .writeTo(Files.createDirectories(root.resolve("classpath")));
    Files.move(classpath, root.resolve("share/jupyter/kernels/iechorfile-cp"));
    Path ipykernel = Files.createDirectories(root.resolve("share/jupyter/kernels/ipybench"));
    Files.writeString(
        ipykernel.resolve("kernel.json"),
        "{\"argv\":[\"/usr/bin/python3\",\"-Xfrozen_modules=off\",\"-m\",\"ipykernel_launcher\","
            + "\"-f\",\"{connection_file}\"],\"display_name\":\"ipykernel\",\"language\":"
            + "\"python\"}");
    JupyterClients.Result result =
        clients.python(List.of("bench_kernels.py", "iechorfile", "iechorfile-cp", "ipybench"), 800);
    System.out.println(result.output());
    assertEquals(0, result.exitCode(), result.output());
  }
}
