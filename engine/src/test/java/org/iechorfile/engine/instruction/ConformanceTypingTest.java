package org.iechorfile.engine.instruction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.ParsedFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Types every instruction of BuildKit's positive parser vectors. The vectors were written for the
 * line parser, so a few hold instructions BuildKit's instruction parser rejects too; those errors
 * are listed here and must be exactly these.
 */
class ConformanceTypingTest {

  /** The vectors whose instructions BuildKit's instruction parser rejects, with its errors. */
  private static final Map<String, List<String>> REJECTED =
      Map.of(
          "flags",
          List.of(
              "3:6: unknown flag: --user",
              "4:6: unknown flag: --doit",
              "5:6: unknown flag: --user",
              "6:6: unknown flag: --doit",
              "8:5: unknown flag: --doit",
              "9:5: unknown flag: --doit",
              "10:5: unknown flag: --doit"),
          "health",
          List.of(
              "4:1: HEALTHCHECK requires at least one argument",
              "7:13: Missing command after HEALTHCHECK CMD",
              "10:13: Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)"));

  @TestFactory
  Stream<DynamicTest> parse_buildkitVectors_typeOrFailAsBuildKitDoes() throws IOException {
    String dir = System.getProperty("conformance.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "system property conformance.dir is not set; run the tests through Maven (Surefire"
              + " passes it) or pass -Dconformance.dir=/path/to/shared/conformance/buildkit");
    }
    Path cases = Path.of(dir, "parser", "testfiles");
    List<Path> dirs;
    try (Stream<Path> listing = Files.list(cases)) {
      dirs = listing.sorted().toList();
    }
    return dirs.stream()
        .map(
            d ->
                DynamicTest.dynamicTest(
                    d.getFileName().toString(),
                    () -> {
                      String text =
                          Files.readString(d.resolve("Dockerfile"), StandardCharsets.UTF_8);
                      ParsedFile file = LineParser.parse(text);
                      ParsedInstructions typed = new InstructionParser().parse(file);
                      List<String> errors =
                          typed.diagnostics().stream()
                              .filter(Diagnostic::isError)
                              .map(Diagnostic::format)
                              .toList();
                      assertEquals(
                          REJECTED.getOrDefault(d.getFileName().toString(), List.of()), errors);
                    }));
  }
}
