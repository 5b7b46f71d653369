package org.iechorfile.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = RootCommand.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("iEchorfile"), text);
  }

  @Test
  void parse_buildkitFormat_printsTheDumpWithAFinalNewline() throws IOException {
    Path file =
        file("FROM busybox AS base\nRUN --mount=type=cache,target=/c echo \\\n  hi\nCMD [\"a\"]\n");
    assertEquals(0, run("parse", "--format", "buildkit", file.toString()));
    assertEquals(
        "(from \"busybox\" \"AS\" \"base\")\n"
            + "(run [\"--mount=type=cache,target=/c\"] \"echo   hi\")\n"
            + "(cmd \"a\")\n",
        out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void parse_error_printsFileLineColumnAndExitsOne() throws IOException {
    Path file = file("FROM busybox\n\nENV PATH\n");
    assertEquals(1, run("parse", "--format", "buildkit", file.toString()));
    assertEquals(file + ":3:1: ENV must have two arguments\n", err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void parse_warning_isPrintedButDoesNotFail() throws IOException {
    Path file = file("FROM busybox\nRUN echo \\\n\n  hi\n");
    assertEquals(0, run("parse", "--format", "buildkit", file.toString()));
    assertTrue(err.toString().startsWith(file + ":"), err.toString());
    assertTrue(err.toString().contains("warning: "), err.toString());
    assertTrue(err.toString().contains("[NoEmptyContinuation]"), err.toString());
  }

  @Test
  void parse_jsonFormat_printsTypedInstructions() throws IOException {
    Path file = file("FROM busybox AS base\nCMD [\"sh\"]\n");
    assertEquals(0, run("parse", file.toString()));
    assertTrue(out.toString().contains("\"keyword\" : \"FROM\""), out.toString());
    assertTrue(out.toString().contains("\"stageName\" : \"base\""), out.toString());
    assertTrue(out.toString().contains("\"form\" : \"exec\""), out.toString());
  }

  @Test
  void parse_unknownInstruction_suggestsTheClosestOne() throws IOException {
    Path file = file("FROM busybox\nCPOY a b\n");
    assertEquals(1, run("parse", file.toString()));
    assertEquals(file + ":2:1: unknown instruction: CPOY (did you mean COPY?)\n", err.toString());
  }

  @Test
  void parse_missingFile_saysSoAndExitsOne() {
    Path missing = dir.resolve("nope");
    assertEquals(1, run("parse", missing.toString()));
    assertEquals("iechorfile: " + missing + ": no such file\n", err.toString());
  }

  @Test
  void parse_unknownFormat_isAUsageError() throws IOException {
    Path file = file("FROM busybox\n");
    assertEquals(2, run("parse", "--format", "yaml", file.toString()));
    assertTrue(err.toString().contains("--format"), err.toString());
  }
}
