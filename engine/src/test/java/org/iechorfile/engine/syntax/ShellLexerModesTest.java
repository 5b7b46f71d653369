package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lexer with BuildKit's raw-quote, raw-escape and keep-unset flags, as the parser uses them to
 * find heredoc markers ({@code RawQuotes} and {@code RawEscapes}) and to read heredoc names ({@code
 * SkipUnsetEnv}, with and without {@code RawQuotes}).
 */
class ShellLexerModesTest {

  private static final ShellLexer BASE = ShellLexer.withEscape('\\');
  private static final ShellLexer MARKERS = BASE.keepingQuotes().keepingEscapes();
  private static final ShellLexer NAMES = BASE.keepingUnsetVariables();

  private static List<String> words(ShellLexer lexer, String text) throws ExpansionException {
    return lexer.processWords(text, Variables.none()).words();
  }

  @Test
  void processWords_markerMode_keepsQuotesAndEscapes() throws ExpansionException {
    assertEquals(List.of("<<EOF", "sh"), words(MARKERS, "<<EOF sh"));
    assertEquals(List.of("cat", "<<'EOF'", ">", "/x"), words(MARKERS, "cat <<'EOF' > /x"));
    assertEquals(List.of("<<\"E O\"", "a\\ b"), words(MARKERS, "<<\"E O\" a\\ b"));
    assertEquals(List.of("<<eo\\'f"), words(MARKERS, "<<eo\\'f"));
    // Inside double quotes a kept escape before an ordinary character is written twice, as in
    // the reference.
    assertEquals(List.of("\"a\\\\b\\\\c\""), words(MARKERS, "\"a\\\\b\\c\""));
  }

  @Test
  void processWords_markerMode_operandOfDefaultStillDropsEscapes() throws ExpansionException {
    assertEquals(List.of("x\\y", "z"), words(MARKERS, "x\\y ${A:-\\z}"));
  }

  @Test
  void processWords_keepingUnset_writesReferencesBack() throws ExpansionException {
    assertEquals(
        List.of("$X", "${X}", "${X:-${Y:-d}}", "${X?}", "${X/a/b}", "${X:=v}", "$"),
        words(NAMES, "$X ${X} ${X:-${Y:-d}} ${X?} ${X//a/b} ${X:=v} $"));
    assertEquals(
        List.of("/home"), NAMES.processWords("$PWD", Variables.of(Map.of("PWD", "/home"))).words());
  }

  @Test
  void processWords_keepingUnset_stillRejectsMalformedWords() {
    assertThrows(ExpansionException.class, () -> words(NAMES, "${X"));
    assertThrows(ExpansionException.class, () -> words(NAMES, "${X:#a}"));
    assertThrows(ExpansionException.class, () -> words(NAMES, "${}"));
  }

  @Test
  void processWords_heredocNameWithAndWithoutQuotes_revealsQuoting() throws ExpansionException {
    ShellLexer raw = NAMES.keepingQuotes();
    assertEquals(List.of("EOF"), words(NAMES, "E'O'F"));
    assertEquals(List.of("E'O'F"), words(raw, "E'O'F"));
    assertEquals(List.of("eo'f"), words(NAMES, "eo\\'f"));
    assertEquals(List.of("eo'f"), words(raw, "eo\\'f"));
  }

  @Test
  void keepingFlags_combine_andKeepEscapeAndQuoteProcessing() {
    ShellLexer all =
        ShellLexer.withEscape('`').keepingQuotes().keepingEscapes().keepingUnsetVariables();
    assertEquals('`', all.escape());
    assertEquals(true, all.processesQuotes());
    assertEquals(false, ShellLexer.forHeredocBody().keepingQuotes().processesQuotes());
  }
}
