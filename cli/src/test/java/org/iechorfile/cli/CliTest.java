package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class CliTest {

  @TempDir Path home;
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    Launch launch =
        new Launch(
            Map.of("IECHOR_HOME", home.toString(), "HOME", dir.toString()),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            dir);
    CommandLine line = RootCommand.commandLineFor(launch, args);
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void commandLineFor_subcommandOrNothing_setsUpOnlyThatOne() {
    Launch launch = new Launch(Map.of(), new ByteArrayInputStream(new byte[0]), false, dir);

    assertEquals(
        java.util.Set.of("repl"), RootCommand.commandLineFor(launch).getSubcommands().keySet());
    assertEquals(
        java.util.Set.of("build"),
        RootCommand.commandLineFor(launch, "build", ".").getSubcommands().keySet());
    assertEquals(
        RootCommand.commandLine(launch).getSubcommands().keySet(),
        RootCommand.commandLineFor(launch, "--help").getSubcommands().keySet());
  }

  @Test
  void help_root_listsEverySubcommand() {
    int status = run("", "--help");

    assertEquals(0, status, err::toString);
    for (String name :
        java.util.List.of(
            "repl", "build", "parse", "pull", "images", "load", "push", "gc", "kernel")) {
      assertTrue(out.toString().contains("  " + name + " "), out::toString);
    }
  }

  @Test
  void repl_scriptOnStandardInput_appliedPlainly() {
    int status = run("FROM scratch AS app\nENV A=1\n%steps\n", "repl");
    assertEquals(0, status, err::toString);
    String text = out.toString();
    assertTrue(text.contains("#1 FROM scratch AS app\nok #1 "), text);
    assertTrue(text.contains("  Env.A: (unset) -> 1\n"), text);
    assertTrue(text.contains("%steps\nSTEP  STATE  STAGE  INSTRUCTION"), text);
    assertTrue(!text.contains("\u001b["), "no colour when not a terminal");
  }

  @Test
  void repl_withoutContextOption_copiesFromTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve("hello.txt"), "hi\n");
    int status = run("FROM scratch\nCOPY hello.txt /hello.txt\n%cat /hello.txt\n", "repl");
    assertEquals(0, status, () -> out + "\n" + err);
    assertTrue(out.toString().contains("hi\n"), out::toString);
  }

  @Test
  void noSubcommand_runsTheRepl() {
    assertEquals(0, run("FROM scratch\n"));
    assertTrue(out.toString().contains("ok #1 "), out::toString);
  }

  @Test
  void repl_failingScript_exitsOneAndSaysWhere() {
    int status = run("FROM scratch\nCPOY a b\nENV NEVER=1\n", "repl");
    assertEquals(1, status);
    assertTrue(
        out.toString().contains("stopped at line 2 (CPOY); 1 later instructions and commands did"),
        out::toString);
  }

  @Test
  void repl_file_appliedFirst() throws IOException {
    Files.writeString(dir.resolve("iEchorfile"), "FROM scratch\nENV FROM_FILE=1\n");
    assertEquals(0, run("", "repl", "iEchorfile"));
    assertTrue(out.toString().contains("Env.FROM_FILE"), out::toString);
    assertEquals(1, run("", "repl", "missing"));
    assertEquals("iechorfile: " + dir.resolve("missing") + ": no such file\n", err.toString());
  }

  @Test
  void build_wholeFileWithBuildArg_builtSummary() throws IOException {
    Files.writeString(
        dir.resolve("iEchorfile"),
        "ARG BASE=scratch\nFROM ${BASE} AS one\nARG V\nENV V=$V\nFROM scratch AS two\nENV B=2\n");
    int status = run("", "build", "--build-arg", "V=7", "--progress", "plain", ".");
    assertEquals(0, status, err::toString);
    String text = out.toString();
    assertTrue(
        text.startsWith("building " + dir.resolve("iEchorfile") + " (6 instructions)\n"), text);
    assertTrue(text.contains("Env.V: (unset) -> 7"), text);
    assertTrue(text.contains("built 6 steps in "), text);
  }

  @Test
  void build_target_stopsAfterThatStage() throws IOException {
    Files.writeString(
        dir.resolve("Dockerfile"), "FROM scratch AS one\nENV A=1\nFROM scratch AS two\nENV B=2\n");
    assertEquals(0, run("", "build", "--target", "one", "."), err::toString);
    assertTrue(out.toString().contains("built 2 steps in "), out::toString);
    assertTrue(!out.toString().contains("ENV B=2"), out::toString);
  }

  @Test
  void build_unknownTarget_exitsOne() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch AS one\n");
    assertEquals(1, run("", "build", "--target", "nope", "."));
    assertTrue(
        err.toString()
            .contains(
                "no stage named nope in " + dir.resolve("Dockerfile") + "; the stages are: one"),
        err::toString);
  }

  @Test
  void build_failingStep_exitsOneWithFileAndLine() throws IOException {
    Files.writeString(dir.resolve("build.txt"), "FROM scratch\nENV\n");
    assertEquals(1, run("", "build", "-f", "build.txt", "."));
    assertEquals(
        "iechorfile: the build failed at " + dir.resolve("build.txt") + ":2 (ENV); see above\n",
        err.toString());
  }

  @Test
  void build_badProgressValue_usageError() {
    assertEquals(2, run("", "build", "--progress", "fancy", "."));
    assertTrue(err.toString().contains("--progress"), err::toString);
  }

  @Test
  void build_noFile_usageErrorWithHint() {
    assertEquals(2, run("", "build", "."));
    assertEquals(
        "iechorfile: no iEchorfile or Dockerfile in " + dir + "; name the file with -f FILE\n",
        err.toString());
  }

  @Test
  void imagesAndGc_emptyStore_sayWhatToDo() {
    assertEquals(0, run("", "images"));
    assertEquals(
        "no images in the store; pull one with: iechorfile pull busybox\n", out.toString());
    assertEquals(0, run("", "gc"));
    assertTrue(
        out.toString().contains("removed 0 blobs and 0 layer snapshots; freed 0 B"), out::toString);
  }

  @Test
  void help_everySubcommand_exitsZero() {
    for (String command : new String[] {"repl", "build", "parse", "pull", "images", "gc"}) {
      out.getBuffer().setLength(0);
      assertEquals(0, run("", command, "--help"), command);
      assertTrue(out.toString().startsWith("Usage: iechorfile " + command), out::toString);
    }
    assertEquals(0, run("", "--version"));
    assertTrue(out.toString().contains("iechorfile "), out::toString);
  }

  @Test
  void unknownOption_usageErrorExitTwo() {
    assertEquals(2, run("", "images", "--frob"));
    assertTrue(err.toString().startsWith("Unknown option: '--frob'"), err::toString);
  }
}
