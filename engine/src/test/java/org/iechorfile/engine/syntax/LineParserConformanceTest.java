package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iechorfile.engine.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's parser vectors: dumps byte for byte, negative cases, line bookkeeping. */
class LineParserConformanceTest {

  @TestFactory
  Stream<DynamicTest> parse_positiveVector_dumpEqualsResult() {
    List<Path> cases = Conformance.cases("testfiles");
    assertEquals(33, cases.size(), "positive cases found under " + Conformance.root());
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      ParsedFile parsed =
                          LineParser.parse(Conformance.read(dir.resolve("Dockerfile")));
                      assertFalse(parsed.hasErrors(), () -> "errors: " + errors(parsed));
                      String expected = Conformance.read(dir.resolve("result"));
                      assertEquals(expected, BuildkitDump.render(parsed.nodes()) + "\n");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> parse_negativeVector_reportsError() {
    List<Path> cases = Conformance.cases("testfiles-negative");
    assertEquals(4, cases.size(), "negative cases found under " + Conformance.root());
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      ParsedFile parsed =
                          LineParser.parse(Conformance.read(dir.resolve("Dockerfile")));
                      assertTrue(parsed.hasErrors(), "expected an error diagnostic");
                    }));
  }

  @Test
  void parse_lineNumberVector_spansCoverPhysicalLines() {
    Path file = Conformance.root().resolve("parser/testfile-line/Dockerfile");
    ParsedFile parsed = LineParser.parse(Conformance.read(file));
    assertFalse(parsed.hasErrors(), () -> "errors: " + errors(parsed));
    assertEquals(3, parsed.nodes().size());
    int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
    for (int i = 0; i < 3; i++) {
      Node node = parsed.nodes().get(i);
      assertEquals(expected[i][0], node.span().startLine(), node.keyword() + " start");
      assertEquals(expected[i][1], node.span().endLine(), node.keyword() + " end");
    }
    assertEquals("\\", parsed.directives().get("escape"));
  }

  @Test
  void parse_negativeMessages_useReferenceWording() {
    assertTrue(firstError("").startsWith("file with no instructions"));
    assertTrue(firstError("# only\n\n# comments\n").startsWith("file with no instructions"));
    assertTrue(firstError("ENV PATH").startsWith("ENV must have two arguments"));
    assertTrue(
        firstError("CMD [ \"echo\", [ \"nested json\" ] ]")
            .startsWith("when using JSON array syntax, arrays must be comprised of strings only"));
  }

  private static String firstError(String text) {
    return LineParser.parse(text).diagnostics().stream()
        .filter(Diagnostic::isError)
        .findFirst()
        .map(Diagnostic::message)
        .orElse("(no error)");
  }

  private static String errors(ParsedFile parsed) {
    return parsed.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("; "));
  }
}
