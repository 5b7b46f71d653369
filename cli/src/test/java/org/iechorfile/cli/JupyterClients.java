package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Jupyter clients (Debian's python3 with jupyter-client, jupyter_kernel_test,
 * nbclient, jupyter-console, pexpect) against the kernelspec that {@code iechorfile kernel install
 * --prefix} writes into a temporary Jupyter tree.
 */
final class JupyterClients {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path TESTS = Path.of("src/test/python").toAbsolutePath();
  static final Path JAR = Path.of("target/iechorfile.jar").toAbsolutePath();

  private final Path root;
  private final String registryMirror;

  JupyterClients(Path root, String registryMirror) {
    this.root = root;
    this.registryMirror = registryMirror;
  }

  /** Checks the programs are there, naming the Debian packages when they are not. */
  static void requireInstalled() throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      fail("/usr/bin/python3 is missing; apt-get install python3");
    }
    if (!Files.isRegularFile(JAR)) {
      fail(JAR + " is missing; the cli module's package phase builds it before the ITs");
    }
    List<String> argv =
        new ArrayList<>(
            List.of(
                PYTHON.toString(),
                "-c",
                "import importlib.util,sys\n"
                    + "missing=[m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\n"
                    + "print(' '.join(missing)); sys.exit(1 if missing else 0)"));
    argv.addAll(
        List.of(
            "jupyter_client",
            "jupyter_kernel_test",
            "nbclient",
            "nbformat",
            "jupyter_console",
            "pexpect"));
    Process check = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String missing = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
      fail(
          "Python modules missing: "
              + missing.strip()
              + "; apt-get install jupyter-client python3-jupyter-kernel-test python3-nbclient"
              + " jupyter-console python3-pexpect");
    }
  }

  /** Installs the kernelspec with the packaged jar, as a user would. */
  void installKernel() throws IOException, InterruptedException {
    Process install =
        new ProcessBuilder(
                javaLauncher(),
                "-jar",
                JAR.toString(),
                "kernel",
                "install",
                "--prefix",
                root.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(install.waitFor(60, TimeUnit.SECONDS), "kernel install timed out");
    assertEquals(0, install.exitValue(), output);
  }

  /** Runs a Python script from src/test/python; returns its exit code and output. */
  Result python(List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(PYTHON.toString()));
    argv.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(TESTS.toFile());
    environment(builder.environment());
    Path log = Files.createTempFile(root, "python", ".log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail("timed out after " + timeoutSeconds + " s:\n" + Files.readString(log));
    }
    return new Result(process.exitValue(), Files.readString(log));
  }

  /** The environment the Jupyter clients and the kernel get: the temporary tree and registry. */
  Map<String, String> environment() throws IOException {
    Map<String, String> env = new java.util.HashMap<>();
    environment(env);
    return env;
  }

  private void environment(Map<String, String> env) throws IOException {
    env.put("JUPYTER_PATH", root.resolve("share/jupyter").toString());
    env.put("JUPYTER_RUNTIME_DIR", Files.createDirectories(root.resolve("runtime")).toString());
    env.put("JUPYTER_DATA_DIR", root.resolve("data").toString());
    env.put("JUPYTER_CONFIG_DIR", root.resolve("config").toString());
    env.put("IPYTHONDIR", root.resolve("ipython").toString());
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("IECHOR_HOME", Files.createDirectories(root.resolve("store")).toString());
    env.put("IECHOR_REGISTRY_MIRROR", registryMirror);
    env.put("HOME", Files.createDirectories(root.resolve("home")).toString());
  }

  static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A script's exit code and output. */
  record Result(int exitCode, String output) {}
}
