package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs of one to two megabytes built to provoke quadratic work or deep recursion. Each must
 * finish well inside its timeout; none asserts a timing.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LineParserAdversarialTest {

  @Test
  void parse_hundredThousandContinuationLines_oneInstruction() {
    String text = "RUN a \\\n".repeat(100_000) + "b\n";
    ParsedFile parsed = LineParser.parse(text);
    assertEquals(1, parsed.nodes().size());
    assertEquals(100_001, parsed.nodes().get(0).span().endLine());
    assertEquals(LineParser.openInput(text), OpenInput.CLOSED);
  }

  @Test
  void parse_hundredThousandEmptyContinuationLines_oneWarning() {
    String text = "RUN a \\\n" + "\n".repeat(100_000) + "b\n";
    ParsedFile parsed = LineParser.parse(text);
    assertEquals(1, parsed.nodes().size());
    assertEquals(1, parsed.diagnostics().size());
  }

  @Test
  void parse_longOnbuildChain_nestedWithoutStackOverflow() {
    String text = "ONBUILD \\\n".repeat(100_000) + "RUN x\n";
    ParsedFile parsed = LineParser.parse(text);
    assertFalse(parsed.hasErrors());
    String dump = BuildkitDump.render(parsed.nodes());
    assertTrue(dump.endsWith("(run \"x\")" + ")".repeat(100_000)));
  }

  @Test
  void parse_thousandsOfHeredocs_allBodiesRead() {
    StringBuilder text = new StringBuilder();
    StringBuilder bodies = new StringBuilder();
    int perLine = 500;
    int lines = 20;
    for (int l = 0; l < lines; l++) {
      text.append("COPY");
      for (int i = 0; i < perLine; i++) {
        String name = "E" + l + "x" + i;
        text.append(" <<").append(name);
        bodies.append("line of ").append(name).append('\n').append(name).append('\n');
      }
      text.append(" /dest/\n").append(bodies);
      bodies.setLength(0);
    }
    text.append("RUN ").append("<<H ".repeat(5_000)).append('\n').append("H\n".repeat(5_000));
    ParsedFile parsed = LineParser.parse(text.toString());
    assertFalse(parsed.hasErrors(), () -> parsed.diagnostics().get(0).format());
    assertEquals(lines + 1, parsed.nodes().size());
    assertEquals(perLine, parsed.nodes().get(0).heredocs().size());
    assertEquals(5_000, parsed.nodes().get(lines).heredocs().size());
  }

  @Test
  void parse_unterminatedHeredocOverManyLines_oneErrorAndAwaitedNames() {
    String text = "RUN <<A <<B\n" + "x\n".repeat(200_000);
    ParsedFile parsed = LineParser.parse(text);
    assertEquals(1, parsed.diagnostics().size());
    assertEquals(
        new OpenInput(OpenInput.Kind.HEREDOC, java.util.List.of("A", "B")),
        LineParser.openInput(text));
  }

  @Test
  void parse_veryLongLines_reportedEachAndParsingContinues() {
    String longLine = "RUN " + "x".repeat(600_000) + "\n";
    ParsedFile parsed = LineParser.parse(longLine + longLine + longLine + "FROM a\n");
    assertEquals(3, parsed.diagnostics().size());
    assertEquals(1, parsed.nodes().size());
  }

  @Test
  void parse_deepBracketsAcrossContinuations_fallsBackToShellForm() {
    String chunk = "[".repeat(60_000) + "\\\n";
    String text = "CMD " + chunk.repeat(20) + "]\n";
    ParsedFile parsed = LineParser.parse(text);
    assertFalse(parsed.hasErrors());
    assertFalse(parsed.nodes().get(0).json());
  }

  @Test
  void parse_deepValidJsonObjectNesting_noStackOverflow() {
    String text = "RUN [" + "{\"a\":".repeat(9_000) + "1" + "}".repeat(9_000) + "]\n";
    ParsedFile parsed = LineParser.parse(text);
    assertTrue(parsed.hasErrors(), "a nested object is a non-string element");
  }

  @Test
  void parse_deeplyNestedSubstitutionsInHeredocLine_noStackOverflow() {
    String text = "RUN <<EOF \\\n" + "${a:-\\\n".repeat(200_000) + "x\nFROM a\n";
    ParsedFile parsed = LineParser.parse(text);
    assertEquals(2, parsed.nodes().size(), "an unlexable line has no heredocs");
  }

  @Test
  void parse_spacesAfterHeredocOperator_linear() {
    String text = "RUN <<" + " \\\n".repeat(100_000) + "EOF\nEOF\n";
    ParsedFile parsed = LineParser.parse(text);
    assertEquals("EOF", parsed.nodes().get(0).heredocs().get(0).name());
  }

  @Test
  void parse_manyQuotedWordsAndEnvPairs_linear() {
    String text = "ENV " + "k=\"v w\" ".repeat(100_000) + "\nARG " + "'a b' ".repeat(100_000);
    ParsedFile parsed = LineParser.parse(text);
    assertTrue(parsed.hasErrors(), "the lines are longer than the limit");
    String split = "ENV " + "k=\"v w\" \\\n".repeat(100_000) + "z=1\n";
    ParsedFile env = LineParser.parse(split);
    assertEquals(300_003, env.nodes().get(0).args().size());
  }
}
