package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the analysis over BuildKit's parser vectors: real-world files must be complete, the analysis
 * must split them into the same instructions as the line parser, and every instruction must start
 * with a keyword token.
 */
class AnalysisConformanceTest {

  /**
   * Vectors that end where a file may end but a prompt waits for more: BuildKit accepts a
   * continuation at the end of a file, and falls back to the shell form for a JSON array that is
   * never closed. At a prompt, the next line may still come, so these are incomplete. A final blank
   * line (or, for the array, a line that cannot continue it) completes them.
   */
  private static final Map<String, String> INCOMPLETE_AT_A_PROMPT =
      Map.of(
          "continue-at-eof", "a continuation line",
          "env", "a continuation line",
          "jeztah-invalid-json-unterminated-bracket", "a closing ]");

  private final Analysis analysis = Analysis.standalone();

  private static Path vectors() {
    String dir = System.getProperty("conformance.dir");
    if (dir == null || dir.isBlank()) {
      fail(
          "system property conformance.dir is not set; run the tests through Maven (Surefire"
              + " passes it) or pass -Dconformance.dir=<path to shared/conformance/buildkit>");
    }
    Path parser = Path.of(dir, "parser");
    if (!Files.isDirectory(parser)) {
      fail(
          "conformance.dir=" + dir + " has no parser/ directory; point it at the BuildKit vectors");
    }
    return parser;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read conformance vector " + file, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> analyzeCompleteness_buildkitPositiveVectors_areCompleteAndSplitLikeTheParser()
      throws IOException {
    List<Path> cases;
    try (Stream<Path> listing = Files.list(vectors().resolve("testfiles"))) {
      cases = listing.sorted().collect(Collectors.toList());
    }
    assertFalse(cases.isEmpty(), "no BuildKit parser vectors found");
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) {
    String text = read(dir.resolve("Dockerfile"));
    Completeness completeness = analysis.analyzeCompleteness(text);
    String awaited = INCOMPLETE_AT_A_PROMPT.get(dir.getFileName().toString());
    if (awaited != null) {
      assertEquals(awaited, completeness.awaiting());
      String finished = text.endsWith("\n") ? text + "\n" : text + "\n\n";
      assertEquals(Completeness.Status.COMPLETE, analysis.analyzeCompleteness(finished).status());
    } else {
      assertEquals(Completeness.Status.COMPLETE, completeness.status(), completeness.toString());
    }
    assertEquals(text, completeness.source());
    ParsedFile parsed = LineParser.parse(text);
    Cell cell = CellScanner.scan(text);
    List<Item> instructions =
        cell.items().stream()
            .filter(i -> i.kind() == Item.Kind.INSTRUCTION)
            .collect(Collectors.toList());
    assertEquals(parsed.nodes().size(), instructions.size(), "instruction count");
    List<Token> tokens = analysis.tokens(text);
    Set<Integer> keywordStarts =
        tokens.stream()
            .filter(t -> t.kind() == Token.Kind.KEYWORD || t.kind() == Token.Kind.UNKNOWN_KEYWORD)
            .map(Token::start)
            .collect(Collectors.toSet());
    for (Node node : parsed.nodes()) {
      int offset = offsetOf(cell, node.span().startLine(), node.span().startColumn());
      assertTrue(keywordStarts.contains(offset), () -> "no keyword token at " + node.span());
    }
  }

  private static int offsetOf(Cell cell, int line, int column) {
    return cell.lines().get(line - 1).start() + column - 1;
  }

  @Test
  void analyzeCompleteness_buildkitNegativeVectors_areInvalidOrEmpty() {
    Path negative = vectors().resolve("testfiles-negative");
    assertEquals(
        Completeness.Status.EMPTY,
        analysis
            .analyzeCompleteness(read(negative.resolve("empty_dockerfile/Dockerfile")))
            .status());
    assertEquals(
        Completeness.Status.EMPTY,
        analysis.analyzeCompleteness(read(negative.resolve("only_comments/Dockerfile"))).status());
    assertEquals(
        Completeness.Status.INVALID,
        analysis.analyzeCompleteness(read(negative.resolve("env_no_value/Dockerfile"))).status());
    assertEquals(
        Completeness.Status.INVALID,
        analysis
            .analyzeCompleteness(read(negative.resolve("shykes-nested-json/Dockerfile")))
            .status());
  }
}
