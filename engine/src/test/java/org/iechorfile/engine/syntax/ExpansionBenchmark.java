package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Words per second for typical instruction arguments. Prints figures; timings are never asserted,
 * only the results.
 */
@Tag("benchmark")
class ExpansionBenchmark {

  private static final Variables VARS =
      Variables.of(
          Map.of(
              "APP_HOME", "/opt/app",
              "VERSION", "1.24.3",
              "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
              "USER", "app",
              "ARCHIVE", "node-v20.11.1-linux-x64.tar.xz"));

  /** A word, what it expands to, and whether it goes through the word splitter. */
  record Case(String name, String word, String expected, boolean split) {}

  private static final List<Case> CASES =
      List.of(
          new Case("plain COPY path", "src/main/resources/", "src/main/resources/", false),
          new Case("ENV with $VAR", "$APP_HOME/bin:$PATH", "/opt/app/bin:" + pathValue(), false),
          new Case(
              "ENV with ${VAR:-default}",
              "${JAVA_OPTS:-\"-Xmx512m -XX:+UseG1GC\"}",
              "-Xmx512m -XX:+UseG1GC",
              false),
          new Case("COPY --chown", "${USER}:${GROUP:-${USER}}", "app:app", false),
          new Case("pattern %%", "${ARCHIVE%%.tar*}", "node-v20.11.1-linux-x64", false),
          new Case("replace //", "${VERSION//./_}", "1_24_3", false),
          new Case("EXPOSE words", "8080/tcp ${METRICS:-9090} \"443\"", "8080/tcp 9090 443", true));

  @Test
  void processWord_typicalWords_printsWordsPerSecond() throws ExpansionException {
    ShellLexer lexer = ShellLexer.withEscape('\\');
    System.out.println("ExpansionBenchmark (words/s, single thread)");
    for (Case c : CASES) {
      String actual = expand(lexer, c);
      assertEquals(c.expected(), actual, c.name());
      for (int i = 0; i < 200_000; i++) {
        expand(lexer, c);
      }
      int iterations = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        for (int i = 0; i < 10_000; i++) {
          expand(lexer, c);
        }
        iterations += 10_000;
        elapsed = System.nanoTime() - start;
      } while (elapsed < 500_000_000L);
      System.out.printf(
          "  %-28s %12.0f words/s   %s%n", c.name(), iterations * 1e9 / elapsed, c.word());
    }
  }

  private static String expand(ShellLexer lexer, Case c) throws ExpansionException {
    return c.split()
        ? String.join(" ", lexer.processWords(c.word(), VARS).words())
        : lexer.processWord(c.word(), VARS).value();
  }

  private static String pathValue() {
    return "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  }
}
