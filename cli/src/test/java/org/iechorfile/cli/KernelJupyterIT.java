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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed kernel against real Jupyter clients: jupyter_kernel_test with iEchorfile samples,
 * the extra protocol tests (control kernel_info, comm_info, heartbeat, interrupt during {@code RUN
 * sleep 30}, stop_on_error, garbage frames, restart), nbclient and nbconvert on notebooks (with a
 * cell re-run by cell id) and jupyter console driven through a terminal.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KernelJupyterIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static final Pattern SUMMARY =
      Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed, (\\d+) skipped$");

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
  void jupyterKernelTest_iechorfileSamples_everyTestPasses() throws Exception {
    JupyterClients.Result result =
        clients.python(List.of("run_unittests.py", "test_iechorfile_kernel"), 300);
    Matcher summary = summary(result);
    assertEquals("0", summary.group(2), result.output());
    assertEquals("11", summary.group(1), result.output());
    // jupyter_kernel_test skips test_clear_output: no iEchorfile cell clears its own output.
    assertEquals("1", summary.group(3), result.output());
    assertTrue(
        result
            .output()
            .contains("skipped: test_iechorfile_kernel.IEchorfileKernelTests.test_clear_output"),
        result.output());
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void extraProtocolTests_interruptRestartGarbage_pass() throws Exception {
    JupyterClients.Result result =
        clients.python(List.of("run_unittests.py", "test_kernel_extras"), 300);
    Matcher summary = summary(result);
    assertEquals("0", summary.group(2), result.output());
    assertEquals("0", summary.group(3), result.output());
    assertEquals(0, result.exitCode(), result.output());
  }

  @Test
  void notebookClients_nbclientNbconvertAndConsole_pass() throws Exception {
    JupyterClients.Result result =
        clients.python(List.of("run_unittests.py", "test_notebook_clients"), 400);
    Matcher summary = summary(result);
    assertEquals("0", summary.group(2), result.output());
    assertEquals("0", summary.group(3), result.output());
    assertEquals("3", summary.group(1), result.output());
    assertEquals(0, result.exitCode(), result.output());
  }

  private static Matcher summary(JupyterClients.Result result) {
    Matcher matcher = SUMMARY.matcher(result.output());
    assertTrue(matcher.find(), "no summary line in:\n" + result.output());
    return matcher;
  }
}
