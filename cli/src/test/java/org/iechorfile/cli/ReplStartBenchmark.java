package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the REPL takes to show its prompt, and from a typed ENV to the next prompt, measured in
 * tmux on the real program (a fresh JVM each start). Prints figures; the goal for the prompt is
 * under 0.8 s on the reference machine.
 */
@Tag("benchmark")
@Timeout(300)
class ReplStartBenchmark {

  private static final int RUNS = 5;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path home;

  /** {@code ./iechorfile}, as a user starts it (the launcher, with its class-data archive). */
  private static final Path LAUNCHER = Path.of("..", "iechorfile").toAbsolutePath().normalize();

  private Tmux start(List<String> command) throws Exception {
    return Tmux.start(
        command,
        Map.of(
            "IECHOR_HOME", home.resolve("store").toString(),
            "HOME", home.toString(),
            "TERM", "xterm-256color"));
  }

  @Test
  void prompt_andEnvRoundTrip() throws Exception {
    // Build the jar and its class-data archive first, so no run pays for them.
    Process warm = new ProcessBuilder(LAUNCHER.toString(), "--version").inheritIO().start();
    assertTrue(warm.waitFor() == 0, "./iechorfile --version failed");
    measure("./iechorfile", List.of(LAUNCHER.toString()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    measure(
        "java -cp (no archive)",
        List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
  }

  private void measure(String how, List<String> command) throws Exception {
    List<Long> prompts = new ArrayList<>();
    List<Long> envs = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      try (Tmux tmux = start(command)) {
        tmux.await("the prompt", s -> s.contains("[#0]> "), WAIT);
        prompts.add(System.nanoTime() - start);
        tmux.type("FROM scratch");
        tmux.keys("Enter");
        tmux.await("FROM", s -> s.contains("[#1 scratch /]> "), WAIT);
        long typed = System.nanoTime();
        tmux.type("ENV RUN_NUMBER=" + run);
        tmux.keys("Enter");
        tmux.await("ENV", s -> s.contains("[#2 scratch /]> "), WAIT);
        envs.add(System.nanoTime() - typed);
      }
    }
    report(how + ": start to prompt", prompts);
    report(how + ": ENV to next prompt", envs);
    assertTrue(prompts.size() == RUNS && envs.size() == RUNS);
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    System.out.printf(
        Locale.ROOT,
        "ReplStartBenchmark: %-44s median %6.0f ms, best %6.0f ms, worst %6.0f ms (%d runs)%n",
        what,
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get(0) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        sorted.size());
  }
}
