package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The BuildKit shell vectors ({@code shell/envVarTest} and {@code shell/wordsTest}), read by the
 * harness rules of the conformance directory's FORMAT.md, sections 4 and 5.
 */
class ShellConformanceTest {

  private static final Map<String, String> ENV_VAR_TEST_ENVIRONMENT =
      orderedMap("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

  private static final ShellLexer LEXER = ShellLexer.withEscape('\\');

  /** One envVarTest line: platform letter, input, expected output or {@code error}. */
  record EnvVarVector(int line, String platform, String input, String expected) {}

  /** One wordsTest line with the environment accumulated by the ENV lines above it. */
  record WordsVector(int line, String input, List<String> expected, Map<String, String> env) {}

  @TestFactory
  Stream<DynamicTest> processWord_envVarTestInUnixMode_matchesEveryVector() {
    return envVarDynamicTests("U", Variables.of(ENV_VAR_TEST_ENVIRONMENT));
  }

  @TestFactory
  Stream<DynamicTest> processWord_envVarTestInWindowsMode_matchesEveryVector() {
    return envVarDynamicTests("W", Variables.caseInsensitive(ENV_VAR_TEST_ENVIRONMENT));
  }

  @TestFactory
  Stream<DynamicTest> processWords_wordsTest_matchesEveryVector() {
    return wordsVectors().stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    "line " + vector.line() + ": " + vector.input(),
                    () -> assertEquals(vector.expected(), words(vector), vector.toString())));
  }

  @Test
  void envVarTest_eachMode_has228Vectors() {
    List<EnvVarVector> vectors = envVarVectors();
    assertEquals(228, vectors.stream().filter(v -> !v.platform().equals("W")).count());
    assertEquals(228, vectors.stream().filter(v -> !v.platform().equals("U")).count());
  }

  @Test
  void wordsTest_allLines_has24Vectors() {
    assertEquals(24, wordsVectors().size());
  }

  private static Stream<DynamicTest> envVarDynamicTests(String platform, Variables variables) {
    return envVarVectors().stream()
        .filter(v -> v.platform().equals("A") || v.platform().equals(platform))
        .map(
            vector ->
                DynamicTest.dynamicTest(
                    "line " + vector.line() + ": " + vector.input(),
                    () -> checkEnvVar(vector, variables)));
  }

  private static void checkEnvVar(EnvVarVector vector, Variables variables)
      throws ExpansionException {
    if (vector.expected().equals("error")) {
      ExpansionException e =
          assertThrows(
              ExpansionException.class, () -> LEXER.processWord(vector.input(), variables));
      assertTrue(e.offset() <= vector.input().codePointCount(0, vector.input().length()));
      return;
    }
    assertEquals(vector.expected(), LEXER.processWord(vector.input(), variables).value());
  }

  private static List<String> words(WordsVector vector) {
    try {
      return LEXER.processWords(vector.input(), Variables.of(vector.env())).words();
    } catch (ExpansionException e) {
      return List.of("error");
    }
  }

  static List<EnvVarVector> envVarVectors() {
    List<EnvVarVector> vectors = new ArrayList<>();
    List<String> lines = lines("shell/envVarTest");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.strip().isEmpty()) {
        continue;
      }
      String[] fields = line.strip().split("\\|", -1);
      if (fields.length != 3) {
        fail("envVarTest line " + (i + 1) + " does not have 3 fields: " + line);
      }
      String platform = fields[0].strip();
      if (!List.of("A", "U", "W").contains(platform)) {
        fail("envVarTest line " + (i + 1) + " has an unknown platform: " + platform);
      }
      vectors.add(new EnvVarVector(i + 1, platform, fields[1].strip(), fields[2].strip()));
    }
    return vectors;
  }

  static List<WordsVector> wordsVectors() {
    List<WordsVector> vectors = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    List<String> lines = lines("shell/wordsTest");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        String assignment = line.substring(3).replaceFirst("^ +", "");
        int equals = assignment.indexOf('=');
        env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        continue;
      }
      String[] sides = line.split("\\|", -1);
      if (sides.length != 2) {
        fail("wordsTest line " + (i + 1) + " must contain exactly one |: " + line);
      }
      List<String> expected = Arrays.asList(sides[1].replaceFirst("^ +", "").split(",", -1));
      vectors.add(new WordsVector(i + 1, sides[0].strip(), expected, Map.copyOf(env)));
    }
    return vectors;
  }

  /** The file's lines, split after each line feed, without it; a last line may lack one. */
  private static List<String> lines(String relative) {
    String dir = System.getProperty("conformance.dir");
    if (dir == null || dir.isBlank()) {
      fail(
          "system property conformance.dir is not set; run the tests through Maven, which passes"
              + " the path of shared/conformance/buildkit");
    }
    Path file = Path.of(dir, relative);
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      if (text.endsWith("\n")) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    } catch (IOException e) {
      throw new AssertionError("cannot read conformance vectors " + file + ": " + e, e);
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
