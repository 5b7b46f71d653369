package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.junit.jupiter.api.Test;

class ShellLexerTest {

  private static final Variables VARS =
      Variables.of(
          Map.of(
              "PWD", "/home",
              "FILE", "archive.tar.gz",
              "EMPTY", "",
              "STAR", "a*b",
              "LINES", "a\nb",
              "NL", "\n",
              "SPACED", "one\u00a0two three"));

  private static final ShellLexer BACKSLASH = ShellLexer.withEscape('\\');
  private static final ShellLexer BACKTICK = ShellLexer.withEscape('`');
  private static final ShellLexer HEREDOC = ShellLexer.forHeredocBody();

  private static String word(String input) throws ExpansionException {
    return BACKSLASH.processWord(input, VARS).value();
  }

  private static ExpansionException failure(String input) {
    return assertThrows(ExpansionException.class, () -> BACKSLASH.processWord(input, VARS));
  }

  @Test
  void withEscape_otherCharacter_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> ShellLexer.withEscape('^'));
    assertSame(BACKTICK, ShellLexer.withEscape('`'));
    assertEquals('`', BACKTICK.escape());
    assertTrue(BACKTICK.processesQuotes());
    assertFalse(HEREDOC.processesQuotes());
  }

  @Test
  void processWord_backtickEscape_escapesWithBacktickAndKeepsBackslash() throws Exception {
    assertEquals("$PWD", BACKTICK.processWord("`$PWD", VARS).value());
    assertEquals("C:\\/home", BACKTICK.processWord("C:\\$PWD", VARS).value());
    assertEquals("a\"b", BACKTICK.processWord("\"a`\"b\"", VARS).value());
    assertEquals("a\\tb", BACKTICK.processWord("\"a\\tb\"", VARS).value());
    assertEquals("a`tb", BACKTICK.processWord("\"a`tb\"", VARS).value());
    assertEquals("a b", BACKTICK.processWord("a` b`", VARS).value());
    assertEquals(List.of("a b", "c"), BACKTICK.processWords("a` b c", VARS).words());
  }

  @Test
  void processWord_heredocBody_keepsQuotesAndDropsEveryEscape() throws Exception {
    assertEquals(
        "printf \"anb\" '/home' \"/home\" $PWD\n",
        HEREDOC.processWord("printf \"a\\nb\" '$PWD' \"$PWD\" \\$PWD\n", VARS).value());
    assertEquals("x", HEREDOC.processWord("x\\", VARS).value());
    assertEquals("'unclosed \"too", HEREDOC.processWord("'unclosed \"too", VARS).value());
    assertEquals("\"a\"", HEREDOC.processWord("${X:-\"a}\"", VARS).value());
  }

  @Test
  void processWord_heredocBody_usesBackslashWhateverTheFileEscape() throws Exception {
    assertEquals('\\', HEREDOC.escape());
    assertEquals("`a", HEREDOC.processWord("`a", VARS).value());
  }

  @Test
  void processWord_defaultsAndAlternatives_followSetAndEmpty() throws Exception {
    assertEquals("d", word("${X-d}"));
    assertEquals("", word("${EMPTY-d}"));
    assertEquals("d", word("${EMPTY:-d}"));
    assertEquals("", word("${X+a}"));
    assertEquals("a", word("${EMPTY+a}"));
    assertEquals("", word("${EMPTY:+a}"));
    assertEquals("", word("${EMPTY?}"));
    assertEquals("/home", word("${PWD:?}"));
  }

  @Test
  void processWord_prefixAndSuffixRemoval_shortestAndLongest() throws Exception {
    assertEquals("archive.tar", word("${FILE%.*}"));
    assertEquals("archive", word("${FILE%%.*}"));
    assertEquals("tar.gz", word("${FILE#*.}"));
    assertEquals("gz", word("${FILE##*.}"));
    assertEquals("home", word("${PWD#/}"));
    assertEquals("archive.tar.gz", word("${FILE#x}"));
    assertEquals("rchive.tar.gz", word("${FILE#?}"));
    assertEquals("b", word("${STAR#a\\*}"));
    assertEquals("a*b", word("${STAR#a\\?}"));
  }

  @Test
  void processWord_replacement_firstOrEveryMatch() throws Exception {
    assertEquals("Archive.tar.gz", word("${FILE/a/A}"));
    assertEquals("Archive.tAr.gz", word("${FILE//a/A}"));
    assertEquals("Xchive.tar.gz", word("${FILE/?r/X}"));
    assertEquals("X", word("${FILE/*/X}"));
    assertEquals("axb", word("${STAR//\\*/x}"));
    assertEquals(":home", word("${PWD//\\//:}"));
    assertEquals("-a-*-b-", word("${STAR///-}"));
    assertEquals("", word("${X/a/b}"));
  }

  @Test
  void processWord_replaceAll_expandsGoTemplateInReplacement() throws Exception {
    assertEquals("<a>rchive.t<a>r.gz", word("${FILE//a/'<$0>'}"));
    assertEquals("<a>rchive.t<a>r.gz", word("${FILE//a/'<${0}>'}"));
    assertEquals("$rchive.t$r.gz", word("${FILE//a/'$$'}"));
    assertEquals("rchive.tr.gz", word("${FILE//a/'$1'}"));
    assertEquals("$rchive.t$r.gz", word("${FILE//a/'$'}"));
    assertEquals("<$0>rchive.tar.gz", word("${FILE/a/'<$0>'}"));
  }

  @Test
  void processWord_patternEscapesKeptByOperand_areRawInReplacement() throws Exception {
    assertEquals("\\brchive.tar.gz", word("${FILE/a/\\b}"));
  }

  @Test
  void processWord_starAndQuestionMark_neverMatchLineFeed() throws Exception {
    assertEquals("a\nb", word("${LINES#*b}"));
    assertEquals("a\nb", word("${LINES/a?b/x}"));
    assertEquals("a", word("${LINES%$NL*}"));
    assertEquals("b", word("${LINES#*$NL}"));
  }

  @Test
  void processWord_leadingByteOrderMark_isSkipped() throws Exception {
    assertEquals("abc", word("\ufeffabc"));
  }

  @Test
  void processWord_usedAndUnset_inLookupOrder() throws Exception {
    Expansion expansion = BACKSLASH.processWord("$PWD ${A:-$B} ${EMPTY} $1 $PWD", VARS);
    assertEquals(List.of("PWD", "B", "A", "EMPTY", "1"), List.copyOf(expansion.used()));
    assertEquals(List.of("B", "A", "1"), List.copyOf(expansion.unset()));
  }

  @Test
  void processWord_operandOfSetVariable_isStillExpanded() throws Exception {
    Expansion expansion = BACKSLASH.processWord("${PWD:-$UNUSED}", VARS);
    assertEquals("/home", expansion.value());
    assertEquals(Set.of("UNUSED"), expansion.unset());
  }

  @Test
  void processWord_windowsMode_recordsNamesAsWritten() throws Exception {
    Variables windows = Variables.caseInsensitive(Map.of("Path", "C:\\bin"));
    Expansion expansion = BACKSLASH.processWord("$PATH;$path", windows);
    assertEquals("C:\\bin;C:\\bin", expansion.value());
    assertEquals(List.of("PATH", "path"), List.copyOf(expansion.used()));
    assertTrue(expansion.unset().isEmpty());
  }

  @Test
  void processWord_escapedAndQuotedDollar_isLiteral() throws Exception {
    assertEquals("$PWD ${PWD} $PWD", word("\\$PWD '${PWD}' \"\\$PWD\""));
    assertTrue(BACKSLASH.processWord("'$X'", VARS).used().isEmpty());
  }

  @Test
  void processWord_badSubstitution_reportsReferenceMessageAndOffset() {
    ExpansionException e = failure("he${}");
    assertEquals("syntax error: bad substitution", e.getMessage());
    assertEquals(2, e.offset());
    assertEquals(3, e.length());
    assertEquals("failed to process \"he${}\": syntax error: bad substitution", e.describe());
  }

  @Test
  void toDiagnostic_wordOnOneLine_spansFailingConstruct() {
    Diagnostic diagnostic = failure("a ${X:=1}").toDiagnostic(3, 9);
    assertTrue(diagnostic.isError());
    assertEquals(new SourceSpan(3, 14, 3, 16), diagnostic.span());
    assertEquals(
        "failed to process \"a ${X:=1}\": unsupported modifier (:=) in substitution",
        diagnostic.message());
  }

  @Test
  void processWord_missingBrace_reportsOutermostBrace() {
    assertEquals("syntax error: missing '}'", failure("ab${PWD").getMessage());
    ExpansionException nested = failure("x${a:-${b:-c");
    assertEquals("syntax error: missing '}'", nested.getMessage());
    assertEquals(1, nested.offset());
    assertEquals("syntax error: missing '}'", failure("${a:-\"unclosed").getMessage());
    assertEquals("syntax error: missing '}'", failure("${a:-${b?}").getMessage());
    assertEquals("syntax error: missing '/' in ${}", failure("${a/unclosed").getMessage());
  }

  @Test
  void processWord_unsupportedModifier_pointsAtModifier() {
    ExpansionException assign = failure("${PWD:=000}");
    assertEquals("unsupported modifier (:=) in substitution", assign.getMessage());
    assertEquals(5, assign.offset());
    assertEquals(2, assign.length());
    assertEquals("unsupported modifier (=) in substitution", failure("${PWD=x}").getMessage());
    assertEquals("unsupported modifier (:#) in substitution", failure("${PWD:#x}").getMessage());
    assertEquals("unsupported modifier (:%) in substitution", failure("${PWD:%%x}").getMessage());
    assertEquals("unsupported modifier (.) in substitution", failure("${.}").getMessage());
    assertEquals("unsupported modifier (:Y) in substitution", failure("${X:YYY}").getMessage());
  }

  @Test
  void processWord_questionMark_reportsNameAndMessage() {
    assertEquals("X: is not allowed to be unset", failure("${X?}").getMessage());
    assertEquals("X: is not allowed to be unset", failure("${X:?}").getMessage());
    assertEquals("EMPTY: is not allowed to be empty", failure("${EMPTY:?}").getMessage());
    ExpansionException custom = failure("a ${X?set X with --build-arg}");
    assertEquals("X: set X with --build-arg", custom.getMessage());
    assertEquals(2, custom.offset());
    assertEquals("b: is not allowed to be unset", failure("${a:-${b?}}").getMessage());
  }

  @Test
  void processWord_unterminatedQuotes_pointAtOpeningQuote() {
    ExpansionException single = failure("ab'cd");
    assertEquals(
        "unexpected end of statement while looking for matching single-quote", single.getMessage());
    assertEquals(2, single.offset());
    ExpansionException doubled = failure("a\"b");
    assertEquals(
        "unexpected end of statement while looking for matching double-quote",
        doubled.getMessage());
    assertEquals(1, doubled.offset());
  }

  @Test
  void processWord_invalidPatternEscape_reportsPattern() {
    assertEquals(
        "invalid pattern (\\a) in substitution: invalid escape '\\a'",
        failure("${PWD#\\a}").getMessage());
    assertEquals(
        "invalid pattern (x\\y) in substitution: invalid escape '\\y'",
        failure("${PWD//x\\y/z}").getMessage());
  }

  @Test
  void processWord_offsets_countCodePoints() {
    ExpansionException e = failure("😀😀${}");
    assertEquals(2, e.offset());
  }

  @Test
  void processWords_splitsUnquotedExpansionOnUnicodeSpace() throws Exception {
    assertEquals(List.of("one", "two", "three"), BACKSLASH.processWords("$SPACED", VARS).words());
    assertEquals(
        List.of("one\u00a0two three"), BACKSLASH.processWords("\"$SPACED\"", VARS).words());
  }

  @Test
  void processWords_emptyQuotes_produceNoWord() throws Exception {
    assertEquals(List.of("a", "b"), BACKSLASH.processWords("a \"\" b ''", VARS).words());
    assertEquals(List.of(), BACKSLASH.processWords("  \"\"  ", VARS).words());
  }

  @Test
  void processWords_heredocOperatorWithSpace_staysOneWord() throws Exception {
    assertEquals(
        List.of("cat", "<< \tEOF", ">", "x"),
        BACKSLASH.processWords("cat << \tEOF > x", VARS).words());
    assertEquals(List.of("cat", "<<-", "EOF"), BACKSLASH.processWords("cat <<- EOF", VARS).words());
  }

  @Test
  void processWords_reportsUsedAndUnset() throws Exception {
    Expansions expansions = BACKSLASH.processWords("$PWD $NOPE", VARS);
    assertEquals(List.of("/home"), expansions.words());
    assertEquals(List.of("PWD", "NOPE"), List.copyOf(expansions.used()));
    assertEquals(Set.of("NOPE"), expansions.unset());
  }

  @Test
  void variables_caseInsensitive_laterAssignmentWinsAndFoldsBySimpleMapping() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("path", "first");
    values.put("PATH", "second");
    values.put("straße", "street");
    Variables variables = Variables.caseInsensitive(values);
    assertEquals("second", variables.get("Path").orElseThrow());
    assertEquals("street", variables.get("STRAßE").orElseThrow());
    assertTrue(variables.get("STRASSE").isEmpty());
    assertTrue(Variables.none().get("PATH").isEmpty());
    assertTrue(Variables.of(Map.of("A", "1")).get("a").isEmpty());
    assertEquals(List.of("PATH", "straße"), List.copyOf(variables.names()));
    assertEquals(List.of("A", "B"), List.copyOf(Variables.of(Map.of("B", "", "A", "")).names()));
  }
}
