package org.iechorfile.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.images.ImageUnavailable;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.Sandbox;
import org.iechorfile.engine.spi.SandboxOutput;
import org.iechorfile.engine.spi.SandboxRequest;
import org.iechorfile.engine.spi.SandboxResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look and export commands through the parser, at the current step, earlier ones and stages.
 */
class LookCommandsTest {

  @TempDir Path home;
  @TempDir Path work;
  private Session session;
  private CommandTarget target;

  @BeforeEach
  void open() {
    session =
        Session.builder()
            .home(home)
            .sandbox(new WritingSandbox())
            .images(
                (reference, platform, progress) -> {
                  throw new ImageUnavailable(ImageUnavailable.Reason.NOT_FOUND, "none", null);
                })
            .build();
    target = new CommandTarget(session, Analysis.standalone(), work);
    session.apply("FROM scratch AS build");
    session.apply("RUN /app/hello.txt=hello");
    session.apply("WORKDIR /app\nENV MODE=dev");
    session.apply("RUN /app/bin/tool=0123456789");
    session.apply("FROM scratch\nRUN /etc/motd=hi");
  }

  @AfterEach
  void close() {
    session.close();
  }

  private CommandResult run(String line) {
    return CommandParser.standard().parse(line).execute(target);
  }

  private String message(String line) {
    CommandResult result = run(line);
    assertTrue(result instanceof CommandResult.Message, line + ": " + result);
    return ((CommandResult.Message) result).text();
  }

  private CommandResult.Table table(String line) {
    CommandResult result = run(line);
    assertTrue(result instanceof CommandResult.Table, line + ": " + result);
    return (CommandResult.Table) result;
  }

  private String problem(String line) {
    CommandResult result = run(line);
    assertFalse(result.succeeded(), line + ": " + result);
    return ((CommandResult.Rejected) result).diagnostics().get(0).message();
  }

  @Test
  void ls_currentAndEarlierStep_listsThatStepsDirectory() {
    assertEquals("etc/", message("%ls /"));
    assertEquals("bin/\nhello.txt", message("%ls --step 5"));
    assertEquals("hello.txt", message("%ls --step 2 /app"));
    CommandResult.Table details = table("%ls -la --step 5 /app");
    assertEquals(List.of("MODE", "OWNER", "SIZE", "MODIFIED", "NAME"), details.headers());
    assertEquals("hello.txt", details.rows().get(1).get(4));
    assertEquals("5 B", details.rows().get(1).get(2));
  }

  @Test
  void ls_badStepOrPath_rejectedWithWhatToDo() {
    assertEquals(
        "there is no step 12; steps go from 1 to 7 (see %steps)", problem("%ls --step 12"));
    assertEquals(
        "%ls: --step takes a step number as %steps shows it, not x", problem("%ls --step x"));
    assertEquals("/nope: no such file or directory in the image", problem("%ls /nope"));
  }

  @Test
  void catTreeFindStatDu_atAnEarlierStep() {
    assertEquals("0123456789", message("%cat --step 5 bin/tool"));
    assertEquals("/app\n├─ bin/\n  ├─ tool  10 B\n├─ hello.txt  5 B", message("%tree --step 5"));
    assertEquals("/app\n├─ bin/\n├─ hello.txt  5 B", message("%tree -L 1 --step 5"));
    assertEquals("/app/bin/tool", message("%find --step 5 tool"));
    CommandResult.Table stat = table("%stat --step 5 /app/hello.txt");
    assertEquals(
        List.of("made by", "step 2: RUN /app/hello.txt=hello"),
        stat.rows().get(stat.rows().size() - 1));
    CommandResult.Table du = table("%du --step 5 /app");
    assertEquals(List.of("10 B", "/app/bin"), du.rows().get(0));
    assertEquals(List.of("15 B", "/app (total)"), du.rows().get(2));
  }

  @Test
  void diff_defaultOneStepAndAcrossStages() {
    assertEquals(
        List.of(List.of("A", "/etc", "", ""), List.of("A", "/etc/motd", "", "2 B")),
        table("%diff").rows());
    CommandResult.Table config = table("%diff 2 4");
    assertEquals(
        List.of(
            List.of("config", "Env.MODE", "", "dev"), List.of("config", "WorkingDir", "", "/app")),
        config.rows());
    assertTrue(table("%diff 5 7").rows().contains(List.of("D", "/app", "", "")));
    assertEquals(
        "%diff --failed: no step has failed since the last one applied; it shows the files of a"
            + " failed RUN until the next step",
        problem("%diff --failed"));
  }

  @Test
  void diffFailed_afterAFailedRun_showsItsFiles() {
    session.apply("RUN /etc/partial=x false");

    assertEquals(List.of(List.of("A", "/etc/partial", "", "1 B")), table("%diff --failed").rows());
  }

  @Test
  void layersConfigEnv_atAStep() {
    CommandResult.Table layers = table("%layers --step 5");
    assertEquals(List.of("2", "5"), layers.rows().stream().map(r -> r.get(0)).toList());
    assertEquals("RUN /app/bin/tool=0123456789", layers.rows().get(1).get(1));
    assertEquals(
        List.of(List.of("Env.MODE", "dev"), List.of("WorkingDir", "/app")),
        table("%config --step 4").rows());
    assertEquals(List.of(List.of("MODE", "dev", "ENV")), table("%env --step 5").rows());
    assertEquals("no environment variables or build arguments are set", message("%env"));
    assertEquals(
        "no wasted space: no step removes or overwrites files", message("%layers --waste"));
  }

  @Test
  void export_afterUndo_showsOrWritesTheLiveSteps() throws IOException {
    session.undo(1);

    String shown = message("%export");
    String written = message("%export out/iEchorfile");

    assertEquals(
        "FROM scratch AS build\nRUN /app/hello.txt=hello\nWORKDIR /app\nENV MODE=dev\n"
            + "RUN /app/bin/tool=0123456789\nFROM scratch",
        shown);
    assertEquals("wrote 6 steps to " + work.resolve("out/iEchorfile"), written);
    assertEquals(shown + "\n", Files.readString(work.resolve("out/iEchorfile")));
  }

  @Test
  void imageCommands_withoutTools_sayTheyAreNotAvailable() {
    for (String line :
        List.of(
            "%sh ls",
            "%shell",
            "%run -d",
            "%logs",
            "%stop",
            "%save x.tar",
            "%tag a:b",
            "%push localhost:5000/a:b")) {
      assertTrue(problem(line).contains("is not available here"), line);
    }
    assertEquals(
        "--format takes one of oci, oci-archive, docker-archive", problem("%save x --format zip"));
  }

  /**
   * Writes the files a RUN names as {@code /path=content} words; exits 1 when a word is {@code
   * false}.
   */
  private static final class WritingSandbox implements Sandbox {
    @Override
    public List<String> missingPrerequisites() {
      return List.of();
    }

    @Override
    public SandboxResult run(SandboxRequest request, SandboxOutput output, Cancellation cancel) {
      int exit = 0;
      for (String word : request.argv().get(request.argv().size() - 1).split(" ")) {
        int eq = word.indexOf('=');
        if (word.equals("false")) {
          exit = 1;
        } else if (eq > 0) {
          Path file = request.upperDirectory().resolve(word.substring(1, eq));
          try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, word.substring(eq + 1));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return new SandboxResult(exit, Duration.ofMillis(1), false);
    }
  }
}
