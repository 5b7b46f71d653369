package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Inputs built to exhaust a recursive or backtracking lexer finish quickly and correctly. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ShellLexerAdversarialTest {

  private static final ShellLexer LEXER = ShellLexer.withEscape('\\');
  private static final int MEGABYTE = 1 << 20;

  private static String nested(String open, String innermost, String close) {
    int depth = MEGABYTE / open.length();
    return open.repeat(depth) + innermost + close.repeat(depth);
  }

  @Test
  void processWord_megabyteOfNestedDefaults_expandsInnermost() throws ExpansionException {
    String word = nested("${a:-", "x", "}");
    Expansion expansion = LEXER.processWord(word, Variables.none());
    assertEquals("x", expansion.value());
    assertEquals(java.util.Set.of("a"), expansion.unset());
  }

  @Test
  void processWord_megabyteOfNestedQuotedDefaults_expandsInnermost() throws ExpansionException {
    String word = nested("\"${a:-", "x y", "}\"");
    assertEquals("x y", LEXER.processWord(word, Variables.none()).value());
  }

  @Test
  void processWord_megabyteOfNestedDefaultsMissingBrace_failsAtOutermost() {
    String word = nested("${a:-", "x", "}");
    ExpansionException e =
        assertThrows(
            ExpansionException.class,
            () -> LEXER.processWord(word.substring(0, word.length() - 1), Variables.none()));
    assertEquals("syntax error: missing '}'", e.getMessage());
    assertEquals(0, e.offset());
  }

  @Test
  void processWords_megabyteOfNestedAlternatives_givesOperandWords() throws ExpansionException {
    String word = nested("${a:+", "x", "}") + " " + nested("${b-", "y z", "}");
    assertEquals(
        java.util.List.of("x", "y", "z"),
        LEXER.processWords(word, Variables.of(Map.of("a", "set"))).words());
  }

  @Test
  void processWord_megabyteOfDollars_pairsIntoSpecialParameter() throws ExpansionException {
    assertEquals("", LEXER.processWord("$".repeat(MEGABYTE), Variables.none()).value());
    assertEquals("$", LEXER.processWord("$".repeat(MEGABYTE + 1), Variables.none()).value());
  }

  @Test
  void processWord_longPatternOfStars_matchesInLinearPasses() throws ExpansionException {
    Variables variables = Variables.of(Map.of("V", "a".repeat(24_000)));
    String stars = "*a".repeat(12_000);
    assertEquals("a".repeat(24_000), LEXER.processWord("${V##" + stars + "b}", variables).value());
    assertEquals("a".repeat(24_000), LEXER.processWord("${V%%b" + stars + "}", variables).value());
    assertEquals("", LEXER.processWord("${V##" + stars + "}", variables).value());
    assertEquals("a".repeat(12_000), LEXER.processWord("${V%" + stars + "}", variables).value());
    assertEquals("x", LEXER.processWord("${V/" + stars + "*/x}", variables).value());
    assertEquals(
        "a".repeat(24_000), LEXER.processWord("${V//" + stars + "b/x}", variables).value());
  }

  @Test
  void processWord_manyReplacements_stayLinear() throws ExpansionException {
    Variables variables = Variables.of(Map.of("V", "ab".repeat(200_000)));
    assertEquals("xb".repeat(200_000), LEXER.processWord("${V//a/x}", variables).value());
    assertEquals("-", LEXER.processWord("${V//*/-}", variables).value());
  }

  @Test
  void processWord_classicBacktrackingTrap_finishes() throws ExpansionException {
    Variables variables = Variables.of(Map.of("V", "a".repeat(5_000)));
    String trap = "a*".repeat(2_000) + "c";
    assertEquals("a".repeat(5_000), LEXER.processWord("${V#" + trap + "}", variables).value());
    assertEquals("a".repeat(5_000), LEXER.processWord("${V/" + trap + "/x}", variables).value());
  }

  @Test
  void processWord_megabyteQuotedOrEscaped_isLinear() throws ExpansionException {
    String text = "a b\\".repeat(MEGABYTE / 4);
    assertEquals(
        text.replace("\\", ""),
        LEXER
            .processWord(text.replace("\\", "\\\\").replace(" ", "\\ "), Variables.none())
            .value()
            .replace("\\", ""));
    assertEquals(
        MEGABYTE / 2,
        LEXER.processWords("a ".repeat(MEGABYTE / 2), Variables.none()).words().size());
    assertEquals(
        "x".repeat(MEGABYTE),
        LEXER.processWord("'" + "x".repeat(MEGABYTE) + "'", Variables.none()).value());
  }
}
