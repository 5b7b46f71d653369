package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to the installed kernel, started by jupyter_client, during a {@code RUN sleep}: SIGINT
 * stops the step and the kernel still answers; SIGTERM stops the step and ends the kernel; pgrep
 * finds no RUN process left either way.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KernelSignalsIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static final Pattern SUMMARY =
      Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed, (\\d+) skipped$");

  @TempDir Path root;

  @Test
  void sigintAndSigterm_duringRun_leaveNoProcessBehind() throws Exception {
    JupyterClients.requireInstalled();
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
    JupyterClients clients = new JupyterClients(root, "docker.io=" + REGISTRY.uri());
    clients.installKernel();

    JupyterClients.Result result =
        clients.python(List.of("run_unittests.py", "test_kernel_signals"), 240);

    Matcher summary = SUMMARY.matcher(result.output());
    assertTrue(summary.find(), "no summary line in:\n" + result.output());
    assertEquals("2", summary.group(1), result.output());
    assertEquals("0", summary.group(2), result.output());
    assertEquals(0, result.exitCode(), result.output());
  }
}
