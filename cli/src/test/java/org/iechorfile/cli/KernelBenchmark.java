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

  @TempDir Path root;

  @Test
  void startAndEnvRoundTrip_besideIpykernel_printed() throws Exception {
    JupyterClients.requireInstalled();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    KernelSpec.forClasspath(java, System.getProperty("java.class.path"), Main.class.getName())
        .writeTo(root.resolve("share/jupyter/kernels"));
    Path ipykernel = Files.createDirectories(root.resolve("share/jupyter/kernels/ipybench"));
    Files.writeString(
        ipykernel.resolve("kernel.json"),
        "{\"argv\":[\"/usr/bin/python3\",\"-Xfrozen_modules=off\",\"-m\",\"ipykernel_launcher\","
            + "\"-f\",\"{connection_file}\"],\"display_name\":\"ipykernel\",\"language\":"
            + "\"python\"}");
    JupyterClients clients = new JupyterClients(root, "");
    JupyterClients.Result result =
        clients.python(List.of("bench_kernels.py", "iechorfile", "ipybench"), 500);
    System.out.println(result.output());
    assertEquals(0, result.exitCode(), result.output());
  }
}
