package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRulesTest {

  private static IgnoreRules rules(String text) {
    return IgnoreRules.parse(text, ".dockerignore");
  }

  @Test
  void ignored_plainName_matchesItAndEverythingUnderIt() {
    IgnoreRules rules = rules("node_modules\n");
    assertTrue(rules.ignored("node_modules"));
    assertTrue(rules.ignored("node_modules/left-pad/index.js"));
    assertFalse(rules.ignored("src/node_modules"));
    assertFalse(rules.ignored("node_modules2"));
  }

  @Test
  void ignored_star_staysWithinOnePathElement() {
    IgnoreRules rules = rules("*/temp*\n");
    assertTrue(rules.ignored("somedir/temporary.txt"));
    assertTrue(rules.ignored("somedir/temp"));
    assertFalse(rules.ignored("temp"));
    assertFalse(rules.ignored("a/b/temp"));
  }

  @Test
  void ignored_doubleStar_matchesAnyDepth() {
    IgnoreRules rules = rules("**/*.go\n");
    assertTrue(rules.ignored("main.go"));
    assertTrue(rules.ignored("a/b/c/x.go"));
    assertFalse(rules.ignored("a/b/c/x.goo"));
    IgnoreRules middle = rules("a/**/z\n");
    assertTrue(middle.ignored("a/z"));
    assertTrue(middle.ignored("a/b/c/z"));
    assertFalse(middle.ignored("b/z"));
  }

  @Test
  void ignored_questionMarkAndClass_matchOneCharacter() {
    IgnoreRules rules = rules("temp?\nfile[0-9].txt\n");
    assertTrue(rules.ignored("temp1"));
    assertFalse(rules.ignored("temp12"));
    assertTrue(rules.ignored("file7.txt"));
    assertFalse(rules.ignored("filex.txt"));
  }

  @Test
  void ignored_exception_lastMatchingLineWins() {
    IgnoreRules rules = rules("*.md\n!README.md\nREADME-secret.md\n");
    assertTrue(rules.ignored("CHANGES.md"));
    assertFalse(rules.ignored("README.md"));
    assertTrue(rules.ignored("README-secret.md"));
    assertTrue(rules.hasExceptions());
    IgnoreRules later = rules("!README.md\n*.md\n");
    assertTrue(later.ignored("README.md"));
  }

  @Test
  void ignored_commentsBlankLinesAndLeadingSlash_followDocker() {
    IgnoreRules rules = rules("# a comment\n\n   \n/secret\n./build/../dist\n");
    assertFalse(rules.ignored("# a comment"));
    assertTrue(rules.ignored("secret"));
    assertTrue(rules.ignored("dist/app.js"));
    assertFalse(rules.ignored("build"));
    assertFalse(rules.hasExceptions());
  }

  @Test
  void ignored_escapedWildcard_isLiteral() {
    IgnoreRules rules = rules("a\\*b\n");
    assertTrue(rules.ignored("a*b"));
    assertFalse(rules.ignored("axb"));
  }

  @Test
  void load_prefersIechorignoreOverDockerignore(@TempDir Path context) throws Exception {
    Files.writeString(context.resolve(".dockerignore"), "a\n");
    assertTrue(IgnoreRules.load(context).ignored("a"));
    Files.writeString(context.resolve(".iechorignore"), "b\n");
    IgnoreRules rules = IgnoreRules.load(context);
    assertEquals(".iechorignore", rules.origin());
    assertTrue(rules.ignored("b"));
    assertFalse(rules.ignored("a"));
  }

  @Test
  void load_withoutIgnoreFile_ignoresNothing(@TempDir Path context) throws Exception {
    IgnoreRules rules = IgnoreRules.load(context);
    assertTrue(rules.isEmpty());
    assertFalse(rules.ignored("anything"));
  }

  @Test
  void clean_removesDotsAndResolvesParents() {
    assertEquals("a/c", IgnoreRules.clean("/./a/b/../c/"));
    assertEquals("", IgnoreRules.clean("."));
    assertEquals(List.of("x"), List.of(IgnoreRules.clean("x//")));
  }
}
