package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.registry.CredentialSource;
import org.iechorfile.engine.testing.RegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL (the shaded jar) told to end while a RUN is going, with SIGTERM or SIGHUP, running a
 * script from a pipe (where nothing else would stop the RUN: it is not in a terminal's process
 * group) and interactively in tmux when the terminal goes away: the process ends and leaves no RUN
 * process behind. Each test sleeps for its own unusual number of seconds, so that pgrep finds only
 * its processes.
 */
@Timeout(180)
class ReplSignalsIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path home;

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  @Test
  void sigterm_duringRunOfAScript_endsTheReplAndTheStep() throws Exception {
    killScriptDuringRun("TERM", 3076);
  }

  @Test
  void sighup_duringRunOfAScript_endsTheReplAndTheStep() throws Exception {
    killScriptDuringRun("HUP", 3077);
  }

  @Test
  void terminalGone_duringInteractiveRun_endsTheReplAndTheStep() throws Exception {
    String marker = "-Diechorfile.test=repl-signal-3078";
    Tmux tmux = Tmux.start(List.of("java", marker, "-jar", jar().toString()), environment());
    ProcessHandle repl;
    try {
      tmux.await("the first prompt", s -> s.contains("[#0]> "), WAIT);
      tmux.type("FROM busybox");
      tmux.keys("Enter");
      tmux.await("FROM busybox to finish", s -> s.contains("ok #1 "), WAIT);
      tmux.type("RUN sleep 3078");
      tmux.keys("Enter");
      awaitProcess("sleep 3078");
      // Anchored: the tmux server's own command line holds the marker too.
      repl = ProcessHandle.of(Long.parseLong(awaitProcess("^java " + marker).get(0))).orElseThrow();
    } finally {
      tmux.close();
    }
    assertEnded(repl, "the terminal went away", 3078);
  }

  private void killScriptDuringRun(String signal, int seconds) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", jar().toString(), "repl")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("output.txt").toFile());
    builder.environment().putAll(environment());
    Process repl = builder.start();
    try (OutputStream script = repl.getOutputStream()) {
      script.write(("FROM busybox\nRUN sleep " + seconds + "\n").getBytes(StandardCharsets.UTF_8));
    }
    awaitProcess("sleep " + seconds);
    new ProcessBuilder("kill", "-" + signal, Long.toString(repl.pid())).start().waitFor();
    assertEnded(repl.toHandle(), "SIG" + signal, seconds);
  }

  private void assertEnded(ProcessHandle repl, String cause, int seconds) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (repl.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    boolean alive = repl.isAlive();
    List<String> left = pgrep("sleep " + seconds);
    // Whatever the outcome, nothing of this test outlives it.
    repl.destroyForcibly();
    for (String pid : left) {
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    }
    assertFalse(alive, "the REPL went on after " + cause);
    assertEquals(List.of(), left, "the RUN's processes were left behind after " + cause);
  }

  private Map<String, String> environment() {
    return Map.of(
        "IECHOR_HOME",
        home.resolve("store").toString(),
        "IECHOR_REGISTRY_MIRROR",
        "docker.io=" + REGISTRY.uri(),
        "HOME",
        home.toString(),
        "TERM",
        "xterm-256color");
  }

  private static Path jar() {
    Path jar = Path.of("target", "iechorfile.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail(jar + " is missing; run the integration tests through Maven's verify phase");
    }
    return jar;
  }

  private static List<String> awaitProcess(String pattern) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> pids = pgrep(pattern);
      if (!pids.isEmpty()) {
        return pids;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no process matching " + pattern + " after " + WAIT);
  }

  private static List<String> pgrep(String pattern) throws IOException, InterruptedException {
    Process pgrep = new ProcessBuilder("pgrep", "-f", "--", pattern).start();
    String pids = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    pgrep.waitFor();
    return pids.isEmpty() ? List.of() : List.of(pids.split("\\s+"));
  }
}
