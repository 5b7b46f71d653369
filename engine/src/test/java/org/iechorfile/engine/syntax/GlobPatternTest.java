package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iechorfile.engine.syntax.GlobPattern.InvalidPatternException;
import org.junit.jupiter.api.Test;

/**
 * The glob matcher against an oracle: the same pattern as a {@code java.util.regex} expression,
 * which like Go's engine picks the leftmost match and prefers longer greedy (shorter lazy) stars,
 * with {@code UNIX_LINES} so that {@code .} excludes only the line feed, as in Go.
 */
class GlobPatternTest {

  @Test
  void compile_invalidEscape_isRejectedWithReferenceText() {
    InvalidPatternException e =
        assertThrows(InvalidPatternException.class, () -> GlobPattern.compile("a\\b"));
    assertEquals("invalid escape '\\b'", e.getMessage());
    assertThrows(InvalidPatternException.class, () -> GlobPattern.compile("a\\"));
  }

  @Test
  void reverse_keepsEscapesBeforeTheirCharacter() {
    assertEquals("c\\*a", GlobPattern.reverse("a\\*c"));
    assertEquals("\\}a", GlobPattern.reverse("a\\}"));
    assertEquals("\\ba", GlobPattern.reverse("ab\\"));
    assertEquals("", GlobPattern.reverse(""));
  }

  @Test
  void matchPrefix_escapedBraceAndSlash_areLiterals() throws InvalidPatternException {
    int[] text = "}/x".codePoints().toArray();
    assertEquals(2, GlobPattern.compile("\\}\\/").matchPrefix(text, 0, true));
  }

  @Property(tries = 3000)
  void matchPrefix_anyPatternAndText_agreesWithRegexOracle(
      @ForAll("patterns") String pattern, @ForAll("texts") String text, @ForAll boolean longest)
      throws InvalidPatternException {
    Matcher matcher = oracle(pattern, longest).matcher(text);
    int expected = matcher.lookingAt() ? matcher.end() : -1;
    int[] cps = text.codePoints().toArray();
    assertEquals(expected, GlobPattern.compile(pattern).matchPrefix(cps, 0, longest));
  }

  @Property(tries = 3000)
  void replace_anyPatternAndText_agreesWithRegexOracle(
      @ForAll("patterns") String pattern, @ForAll("texts") String text, @ForAll boolean all)
      throws InvalidPatternException {
    assertEquals(
        oracleReplace(oracle(pattern, true), text, all),
        PatternEdits.replace(text, pattern, "<$0>", all));
  }

  @Property(tries = 2000)
  void removeSuffix_anyPatternAndText_removesShortestOrLongestMatchingSuffix(
      @ForAll("patterns") String pattern, @ForAll("texts") String text, @ForAll boolean longest)
      throws InvalidPatternException {
    Pattern whole = oracle(pattern, true);
    String expected = text;
    for (int cut = 0; cut <= text.length(); cut++) {
      int from = longest ? cut : text.length() - cut;
      if (whole.matcher(text.substring(from)).matches()) {
        expected = text.substring(0, from);
        break;
      }
    }
    assertEquals(expected, PatternEdits.removeSuffix(text, pattern, longest));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("a", "b", "\n", "?", "*", "\\*", "\\?")
        .list()
        .ofMaxSize(7)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab*?\n").ofMaxLength(12);
  }

  private static Pattern oracle(String glob, boolean greedy) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else if (c == '*') {
        regex.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.UNIX_LINES);
  }

  /** Go's ReplaceAllString loop, with the oracle finding each match. */
  private static String oracleReplace(Pattern pattern, String text, boolean all) {
    Matcher matcher = pattern.matcher(text);
    if (!all) {
      return matcher.find()
          ? text.substring(0, matcher.start()) + "<$0>" + text.substring(matcher.end())
          : text;
    }
    StringBuilder out = new StringBuilder();
    int searchFrom = 0;
    int lastMatchEnd = 0;
    while (searchFrom <= text.length() && matcher.find(searchFrom)) {
      out.append(text, lastMatchEnd, matcher.start());
      if (matcher.end() > lastMatchEnd || matcher.start() == 0) {
        out.append('<').append(matcher.group()).append('>');
      }
      lastMatchEnd = matcher.end();
      searchFrom = Math.max(searchFrom + 1, matcher.end());
    }
    return out.append(text.substring(lastMatchEnd)).toString();
  }
}
