package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.iechorfile.engine.testing.ExternalTools;

/**
 * A program running in a detached tmux session on its own tmux server (a private socket), driven
 * with send-keys and read with capture-pane, as a person at a terminal would use it.
 */
final class Tmux implements AutoCloseable {

  private final String socket;
  private final String session = "repl";

  private Tmux(String socket) {
    this.socket = socket;
  }

  /** Starts {@code command} in a 160x50 xterm-256color tmux session with {@code environment}. */
  static Tmux start(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ExternalTools.require("tmux", "tmux");
    Tmux tmux = new Tmux("iechor-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    List<String> argv =
        new ArrayList<>(
            List.of("new-session", "-d", "-s", tmux.session, "-x", "160", "-y", "50", "env"));
    environment.forEach((k, v) -> argv.add(k + "=" + v));
    argv.addAll(command);
    tmux.tmux(argv);
    return tmux;
  }

  /**
   * Sends keys: literal text, or tmux key names such as {@code Enter}, {@code Tab}, {@code C-c}.
   */
  void keys(String... keys) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("send-keys", "-t", session));
    argv.addAll(List.of(keys));
    tmux(argv);
  }

  /** Types {@code text} literally (no key-name lookup). */
  void type(String text) throws IOException, InterruptedException {
    tmux(List.of("send-keys", "-t", session, "-l", text));
  }

  /** The screen and its scrollback, as plain text. */
  String screen() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-J", "-t", session, "-S", "-2000"));
  }

  /** The visible screen with colours as escape sequences. */
  String colouredScreen() throws IOException, InterruptedException {
    return tmux(List.of("capture-pane", "-p", "-e", "-t", session));
  }

  /**
   * Waits until the screen satisfies {@code condition}; fails with the screen after {@code max}.
   */
  String await(String what, Predicate<String> condition, Duration max)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    String screen = screen();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        fail("waited " + max.toSeconds() + " s for " + what + "; the screen shows:\n" + screen);
      }
      Thread.sleep(50);
      screen = screen();
    }
    return screen;
  }

  /** Waits until the screen contains {@code text} {@code times} times. */
  String awaitCount(String text, int times, Duration max) throws IOException, InterruptedException {
    return await(times + " x \"" + text + "\"", s -> count(s, text) >= times, max);
  }

  /** How many times {@code text} occurs in {@code screen}. */
  static int count(String screen, String text) {
    int n = 0;
    for (int at = screen.indexOf(text); at >= 0; at = screen.indexOf(text, at + text.length())) {
      n++;
    }
    return n;
  }

  /** Whether the program in the session is still running. */
  boolean running() throws IOException, InterruptedException {
    return tmux(List.of("list-panes", "-t", session, "-F", "#{pane_dead}")).strip().equals("0");
  }

  private String tmux(List<String> args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
    argv.addAll(args);
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("tmux did not answer: " + argv);
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("tmux failed (" + process.exitValue() + "): " + argv + ": " + text);
    }
    return text;
  }

  @Override
  public void close() {
    try {
      tmux(List.of("kill-server"));
    } catch (IOException e) {
      // The server has already gone when its last session ended.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
