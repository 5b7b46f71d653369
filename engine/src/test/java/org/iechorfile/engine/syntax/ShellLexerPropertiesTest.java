package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the lexer over random input: it fails only in the documented way. */
class ShellLexerPropertiesTest {

  private static final Variables VARS =
      Variables.of(Map.of("A", "x y", "EMPTY", "", "P", "a*b?c", "B", "\\", "Q", "'\"$"));

  private static final List<ShellLexer> LEXERS =
      List.of(
          ShellLexer.withEscape('\\'),
          ShellLexer.withEscape('`'),
          ShellLexer.forHeredocBody(),
          ShellLexer.withEscape('\\').keepingQuotes().keepingEscapes(),
          ShellLexer.withEscape('\\').keepingUnsetVariables().keepingQuotes());

  @Property(tries = 2000)
  void processWord_randomShellText_returnsOrThrowsOnlyExpansionException(
      @ForAll("shellText") String text) {
    for (ShellLexer lexer : LEXERS) {
      boolean wordFailed = false;
      try {
        Expansion expansion = lexer.processWord(text, VARS);
        assertTrue(expansion.used().containsAll(expansion.unset()));
      } catch (ExpansionException e) {
        wordFailed = true;
        int length = text.codePointCount(0, text.length());
        assertTrue(e.offset() + e.length() <= length, e::getMessage);
      }
      boolean wordsFailed = false;
      try {
        lexer.processWords(text, VARS);
      } catch (ExpansionException e) {
        wordsFailed = true;
      }
      assertEquals(wordFailed, wordsFailed, "processWord and processWords disagree");
    }
  }

  @Property(tries = 3000)
  void processWord_everyCharacterEscaped_givesTheTextItself(@ForAll("anyText") String text)
      throws ExpansionException {
    StringBuilder escaped = new StringBuilder();
    text.codePoints().forEach(cp -> escaped.append('\\').appendCodePoint(cp));
    assertEquals(text, ShellLexer.withEscape('\\').processWord(escaped.toString(), VARS).value());
    assertEquals(text, ShellLexer.forHeredocBody().processWord(escaped.toString(), VARS).value());
  }

  @Property(tries = 3000)
  void processWord_singleQuotedText_isLiteral(@ForAll("anyText") String text)
      throws ExpansionException {
    String inside = text.replace("'", "");
    Expansion expansion = ShellLexer.withEscape('\\').processWord("'" + inside + "'", VARS);
    assertEquals(inside, expansion.value());
    assertTrue(expansion.used().isEmpty());
  }

  @Property(tries = 3000)
  void processWords_unquotedPlainText_splitsOnWhitespace(@ForAll("plainWords") String text)
      throws ExpansionException {
    List<String> expected =
        List.of(text.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    assertEquals(expected, ShellLexer.withEscape('\\').processWords(text, VARS).words());
  }

  @Property(tries = 1000)
  void processWord_unbalancedOpenBrace_alwaysFails(@ForAll("shellText") String text) {
    assertThrows(
        ExpansionException.class,
        () -> ShellLexer.withEscape('\\').processWord("${A:-" + text.replace("}", ""), VARS));
  }

  @Provide
  Arbitrary<String> shellText() {
    return Arbitraries.of(
            "$", "{", "}", ":", "-", "+", "?", "#", "%", "/", "\\", "`", "'", "\"", "*", "a", "A",
            "P", "1", "@", " ", "\t", "\n", "\u00a0", "é", "😀", "\ufeff", "EMPTY", "${A}", "${P",
            "${A:-", "${A/", "${B//", "${Q#")
        .list()
        .ofMaxSize(24)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> plainWords() {
    return Arbitraries.strings().withChars("ab1 \t_.").ofMaxLength(30);
  }
}
