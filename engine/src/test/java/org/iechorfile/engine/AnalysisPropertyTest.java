package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No method of {@link Analysis} throws, whatever the input and cursor. */
class AnalysisPropertyTest {

  private final Analysis analysis = new Analysis(new FakeCompletionSource());

  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "RUN ",
            "run ",
            "COPY ",
            "FROM ",
            "ONBUILD ",
            "HEALTHCHECK ",
            "CMD ",
            "ENV ",
            "ARG ",
            "EXPOSE ",
            "%ls ",
            "%help ",
            "%sh ",
            "%",
            "--mount=",
            "type=cache,",
            "--from=",
            "--network=",
            "<<EOF",
            "<<-EOF",
            "<<'A'",
            "EOF",
            "\tEOF",
            "[",
            "]",
            "\"",
            "'",
            ",",
            "\\",
            "`",
            "$",
            "${",
            "}",
            "#",
            "# escape=`",
            "=",
            " ",
            "\n",
            "\r\n",
            "\t",
            "AS ",
            "😀",
            "é",
            "\u00a0",
            "x",
            "1");
    Arbitrary<String> structured = pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
    return Arbitraries.oneOf(structured, structured, anything);
  }

  @Provide
  Arbitrary<int[]> cursors() {
    return Arbitraries.integers().between(-3, 80).array(int[].class).ofSize(3);
  }

  @Property(tries = 600)
  void analyzeCompleteness_anyInput_sourceOnlyAddsEscapesBeforeLineBreaks(
      @ForAll("cells") String input) {
    Completeness result = analysis.analyzeCompleteness(input);
    String source = result.source();
    int i = 0;
    for (int j = 0; j < source.length(); j++) {
      if (i < input.length() && source.charAt(j) == input.charAt(i)) {
        i++;
      } else {
        char added = source.charAt(j);
        assertTrue(added == '\\' || added == '`', () -> "added " + added + " to " + input);
        assertTrue(j + 1 < source.length() && "\r\n".indexOf(source.charAt(j + 1)) >= 0, input);
      }
    }
    assertEquals(input.length(), i, () -> "source lost text of " + input);
  }

  @Property(tries = 600)
  void tokens_anyInput_areOrderedDisjointAndInside(@ForAll("cells") String input) {
    List<Token> tokens = analysis.tokens(input);
    int length = input.codePointCount(0, input.length());
    int end = 0;
    for (Token token : tokens) {
      assertTrue(token.start() >= end, () -> tokens + " in " + input);
      assertTrue(token.end() <= length, () -> tokens + " in " + input);
      end = token.end();
    }
  }

  @Property(tries = 600)
  void complete_anyInputAndCursor_replacesARangeBeforeTheCursor(
      @ForAll("cells") String input, @ForAll("cursors") int[] cursors) {
    int length = input.codePointCount(0, input.length());
    for (int cursor : cursors) {
      Completions completions = analysis.complete(input, cursor);
      int clamped = Math.max(0, Math.min(cursor, length));
      assertEquals(clamped, completions.end(), input);
      assertTrue(completions.start() <= completions.end(), input);
    }
  }

  @Property(tries = 600)
  void helpAndInspect_anyInputAndCursor_doNotThrow(
      @ForAll("cells") String input, @ForAll("cursors") int[] cursors) {
    analysis.help(input);
    for (int cursor : cursors) {
      analysis.inspect(input, cursor);
    }
  }
}
