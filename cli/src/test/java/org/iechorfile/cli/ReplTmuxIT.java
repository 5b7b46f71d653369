package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
 * The real {@code iechorfile} (the shaded jar the build made) in tmux, typed at like a person
 * would: highlighting, completion, help at the cursor, a heredoc over several lines, Ctrl-C during
 * a long RUN, undo, and history across restarts. FROM busybox pulls from a local registry standing
 * in for Docker Hub.
 */
@Timeout(180)
class ReplTmuxIT {

  @RegisterExtension static final RegistryExtension REGISTRY = RegistryExtension.open();

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path home;

  @BeforeAll
  static void pushBusybox() throws Exception {
    REGISTRY.pushBusybox(CredentialSource.ANONYMOUS);
  }

  private Tmux start() throws Exception {
    Path jar = Path.of("target", "iechorfile.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      fail(jar + " is missing; run the integration tests through Maven's verify phase");
    }
    Tmux tmux =
        Tmux.start(
            List.of("java", "-jar", jar.toString()),
            Map.of(
                "IECHOR_HOME",
                home.resolve("store").toString(),
                "IECHOR_REGISTRY_MIRROR",
                "docker.io=" + REGISTRY.uri(),
                "HOME",
                home.toString(),
                "TERM",
                "xterm-256color"));
    tmux.await("the first prompt", s -> s.contains("[#0]> "), WAIT);
    return tmux;
  }

  private static void enter(Tmux tmux, String line) throws Exception {
    tmux.type(line);
    tmux.keys("Enter");
  }

  private static void fromBusybox(Tmux tmux) throws Exception {
    enter(tmux, "FROM busybox");
    tmux.await("FROM busybox to finish", s -> s.contains("ok #1 "), WAIT);
  }

  @Test
  void typing_keywordsAndVariables_highlighted() throws Exception {
    try (Tmux tmux = start()) {
      tmux.type("RUN echo $HOME # note");
      String screen = tmux.await("the typed line", s -> s.contains("RUN echo $HOME # note"), WAIT);
      String coloured = tmux.colouredScreen();
      // tmux re-encodes the styles: bold blue keyword, yellow variable.
      assertTrue(coloured.matches("(?s).*\u001b\\[1m\u001b\\[34mRUN.*"), coloured);
      assertTrue(coloured.matches("(?s).*\u001b\\[33m\\$HOME.*"), coloured);
      assertTrue(screen.contains("[#0]> RUN echo $HOME # note"), screen);
    }
  }

  @Test
  void tab_completesCommandsImagesAndImagePaths() throws Exception {
    try (Tmux tmux = start()) {
      tmux.type("%und");
      tmux.keys("Tab");
      tmux.await("%undo completed", s -> s.contains("[#0]> %undo"), WAIT);
      tmux.keys("C-u");
      fromBusybox(tmux);
      tmux.type("WORKDIR /et");
      tmux.keys("Tab");
      tmux.await("/etc/ completed", s -> s.contains("]> WORKDIR /etc/"), WAIT);
      tmux.keys("C-u");
      tmux.type("FROM bu");
      tmux.keys("Tab");
      tmux.await("busybox completed", s -> s.contains("]> FROM busybox:latest"), WAIT);
    }
  }

  @Test
  void helpKeys_documentFlagsAndImagePathsAboveTheLine() throws Exception {
    try (Tmux tmux = start()) {
      tmux.type("RUN --mount");
      tmux.await("the typed line", s -> s.contains("[#0]> RUN --mount"), WAIT);
      tmux.keys("F1");
      String docs =
          tmux.await(
              "the --mount documentation above the line",
              s -> s.contains("RUN --mount - ") && s.strip().endsWith("[#0]> RUN --mount"),
              WAIT);
      assertTrue(docs.contains("type=cache"), docs);
      tmux.type("=type=cache,target=/root/.cache true");
      tmux.await(
          "the line to go on where it was",
          s -> s.contains("[#0]> RUN --mount=type=cache,target=/root/.cache true"),
          WAIT);
      tmux.keys("C-u");
      fromBusybox(tmux);
      tmux.type("%ls /etc");
      tmux.keys("M-h");
      String path =
          tmux.await(
              "what is at /etc",
              s -> s.contains("/etc\ndirectory of ") && s.strip().endsWith("]> %ls /etc"),
              WAIT);
      assertTrue(path.contains(" passwd\n"), path);
    }
  }

  @Test
  void shell_interactiveInTheImageThenTheReplCarriesOn() throws Exception {
    try (Tmux tmux = start()) {
      fromBusybox(tmux);
      enter(tmux, "%shell");
      tmux.await("the image's shell prompt", s -> s.contains("/ # "), WAIT);
      enter(tmux, "echo $((6*7)) > /tmp/answer; cat /tmp/answer; exit");
      tmux.await("the shell to end", s -> s.contains("nothing it changed was kept"), WAIT);
      enter(tmux, "%ls /tmp");
      String screen =
          tmux.await(
              "the REPL to answer again (nothing the shell wrote was kept)",
              s -> s.contains("(empty)\n[#1 busybox /]>"),
              WAIT);
      assertTrue(screen.contains("42\n"), screen);
      assertTrue(!screen.contains("Input/output error"), screen);
    }
  }

  @Test
  void heredocRun_continuationPromptsThenOneStep() throws Exception {
    try (Tmux tmux = start()) {
      fromBusybox(tmux);
      enter(tmux, "RUN <<EOF");
      tmux.await(
          "the continuation prompt", s -> s.contains("… the heredoc body ending in EOF> "), WAIT);
      enter(tmux, "echo one");
      enter(tmux, "echo two");
      enter(tmux, "EOF");
      String screen = tmux.await("the RUN to finish", s -> s.contains("ok #2 "), WAIT);
      assertTrue(screen.contains("one\ntwo\n"), screen);
      assertTrue(screen.contains("[#2 busybox /]> "), screen);
    }
  }

  @Test
  void ctrlC_duringLongRun_stopsTheStepNotTheRepl() throws Exception {
    try (Tmux tmux = start()) {
      fromBusybox(tmux);
      enter(tmux, "RUN sleep 30");
      tmux.await("the RUN to start", s -> s.contains("#2 RUN sleep 30"), WAIT);
      Thread.sleep(500);
      long start = System.nanoTime();
      tmux.keys("C-c");
      String screen = tmux.await("the step to fail", s -> s.contains("x #2 failed: "), WAIT);
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, screen);
      tmux.await(
          "the prompt back on step 1",
          s -> s.endsWith("[#1 busybox /]> ") || s.strip().endsWith("[#1 busybox /]>"),
          WAIT);
      assertTrue(tmux.running());
      enter(tmux, "ENV AFTER=1");
      tmux.await("ENV to apply as step 2", s -> s.contains("[#2 busybox /]> "), WAIT);
    }
  }

  @Test
  void undoAndHistory_keptAcrossRestarts() throws Exception {
    try (Tmux tmux = start()) {
      fromBusybox(tmux);
      enter(tmux, "ENV GREETING=hello");
      tmux.await("ENV", s -> s.contains("ok #2 "), WAIT);
      enter(tmux, "%undo");
      String screen = tmux.await("the undo", s -> s.contains("undone 1 step; now at step 1"), WAIT);
      assertTrue(screen.contains("undone #2 ENV GREETING=hello"), screen);
      tmux.keys("C-d");
      // Wait for the prompt after the reminder too: the second Ctrl-D must reach a line editor
      // that is reading again.
      tmux.await(
          "the export reminder and a fresh prompt",
          s -> {
            String[] lines = s.strip().split("\n");
            return s.contains("never exported; press Ctrl-D again")
                && lines[lines.length - 1].strip().equals("[#1 busybox /]>");
          },
          WAIT);
      tmux.keys("C-d");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (tmux.running() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertFalse(tmux.running(), "the REPL should have left after the second Ctrl-D");
    } catch (java.io.IOException e) {
      // The tmux server ends with its only session; that is the REPL leaving.
      assertTrue(e.getMessage().contains("tmux failed"), e.getMessage());
    }
    List<String> history = Files.readAllLines(home.resolve("store").resolve("history"));
    assertEquals(3, history.size(), history.toString());
    try (Tmux tmux = start()) {
      tmux.keys("Up");
      tmux.await("the last line from history", s -> s.contains("[#0]> %undo"), WAIT);
      tmux.keys("Up");
      tmux.await("the line before it", s -> s.contains("[#0]> ENV GREETING=hello"), WAIT);
    }
  }
}
