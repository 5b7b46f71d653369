package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Severity;
import org.iechorfile.engine.SourceSpan;
import org.junit.jupiter.api.Test;

/** Spans, original text, comments, directives, continuations, flags and argument rules. */
class LineParserTest {

  private static String dump(String text) {
    ParsedFile parsed = LineParser.parse(text);
    assertFalse(parsed.hasErrors(), () -> "unexpected errors: " + parsed.diagnostics());
    return BuildkitDump.render(parsed.nodes());
  }

  private static List<Diagnostic> errors(ParsedFile parsed) {
    return parsed.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
  }

  @Test
  void parse_indentedInstruction_spanStartsAtKeywordAndEndsAfterLastLine() {
    Node node = LineParser.parse("FROM a\n\n   RUN echo \\\n  two\n").nodes().get(1);
    assertEquals(new SourceSpan(3, 4, 4, 6), node.span());
  }

  @Test
  void parse_columns_countCodePoints() {
    Node node = LineParser.parse("RUN echo \uD83D\uDE00\u00e9").nodes().get(0);
    assertEquals(new SourceSpan(1, 1, 1, 12), node.span());
  }

  @Test
  void parse_continuationWithCommentAndBlankLines_originalKeepsEveryPhysicalLine() {
    String text = "RUN echo hello \\\n# a comment\n\n  world\nFROM b\n";
    Node node = LineParser.parse(text).nodes().get(0);
    assertEquals("RUN echo hello \\\n# a comment\n\n  world", node.original());
    assertEquals(List.of("echo hello   world"), node.args());
    assertEquals(new SourceSpan(1, 1, 4, 8), node.span());
  }

  @Test
  void parse_heredoc_originalIncludesBodyAndTerminator() {
    Node node = LineParser.parse("RUN <<EOF\r\nhi\r\nEOF\r\n").nodes().get(0);
    assertEquals("RUN <<EOF\r\nhi\r\nEOF", node.original());
    assertEquals(new SourceSpan(1, 1, 3, 4), node.span());
  }

  @Test
  void parse_commentsAbove_collectedWithoutDirectivesAndResetByBareHash() {
    String text =
        "# syntax=x\n# dropped\n#\n# check=skip=all\n  # second\nRUN a\n# inside \\\nRUN b\n";
    ParsedFile parsed = LineParser.parse(text);
    assertEquals(List.of("check=skip=all", "second"), parsed.nodes().get(0).comments());
    assertEquals(List.of("inside \\"), parsed.nodes().get(1).comments());
    assertEquals(Map.of("syntax", "x"), parsed.directives());
  }

  @Test
  void parse_commentsInsideContinuation_notCollected() {
    ParsedFile parsed = LineParser.parse("RUN a \\\n# not above\n b\nRUN c\n");
    assertEquals(List.of(), parsed.nodes().get(1).comments());
  }

  @Test
  void parse_directives_recordedCaseInsensitivelyWithValueTrimmed() {
    ParsedFile parsed =
        LineParser.parse(
            "# SYNTAX = docker/dockerfile:1  \n#Escape=`\n  # check=error=true\nFROM a\n");
    assertEquals(
        Map.of("syntax", "docker/dockerfile:1", "escape", "`", "check", "error=true"),
        parsed.directives());
    assertEquals('`', parsed.escape());
  }

  @Test
  void parse_directiveAfterBlankLineOrComment_isAComment() {
    assertEquals('\\', LineParser.parse("\n# escape=`\nFROM a `\nb\n").escape());
    assertEquals('\\', LineParser.parse("# hello\n# escape=`\nFROM a\n").escape());
    assertEquals('\\', LineParser.parse("# unknown=1\n# escape=`\nFROM a\n").escape());
    assertEquals("(from \"a\" \"`\")\n(b \"\")", dump("# hello\n# escape=`\nFROM a `\nb\n"));
  }

  @Test
  void parse_repeatedDirective_errorOnTheRepeatedLine() {
    ParsedFile parsed = LineParser.parse("# escape=\\\n# ESCAPE=`\nFROM a\n");
    List<Diagnostic> errors = errors(parsed);
    assertEquals(1, errors.size());
    assertEquals(
        "only one escape parser directive can be used; remove the repeated one",
        errors.get(0).message());
    assertEquals(new SourceSpan(2, 1, 2, 11), errors.get(0).span());
    assertEquals('\\', parsed.escape());
    assertEquals(1, parsed.nodes().size(), "instructions after the directive are still parsed");
  }

  @Test
  void parse_invalidEscapeToken_errorNamesTheValue() {
    List<Diagnostic> errors = errors(LineParser.parse("# escape=x\nFROM a\n"));
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).message().startsWith("invalid escape token 'x' does not match ` or \\"));
  }

  @Test
  void parse_slashSlashSyntax_isAnInstructionForTheLineParser() {
    assertEquals(
        "(//syntax=docker/dockerfile:1 \"\")\n(from \"a\")",
        dump("//syntax=docker/dockerfile:1\nFROM a\n"));
  }

  @Test
  void parse_backtickEscape_continuesAndBackslashIsText() {
    assertEquals("(run \"a\\\\b  c\")", dump("# escape=`\n\nRUN a\\b `\n c\n"));
  }

  @Test
  void parse_doubledEscapeAtEnd_isNotAContinuation() {
    assertEquals("(run \"a\\\\\\\\\")\n(run \"b\")", dump("RUN a\\\\\nRUN b\n"));
    assertEquals("(run \"a\\\\\\\\\\\\\")\n(run \"b\")", dump("RUN a\\\\\\\nRUN b\n"));
  }

  @Test
  void parse_emptyContinuationLine_warningOnThatLine() {
    ParsedFile parsed = LineParser.parse("RUN a \\\n\n   \nb\n");
    assertEquals(List.of("a b"), parsed.nodes().get(0).args());
    assertEquals(1, parsed.diagnostics().size());
    Diagnostic warning = parsed.diagnostics().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals("NoEmptyContinuation", warning.rule());
    assertEquals(new SourceSpan(2, 1, 2, 1), warning.span());
  }

  @Test
  void parse_continuationAtEndOfFile_instructionKept() {
    assertEquals("(run \"something\")", dump("RUN something \\"));
  }

  @Test
  void parse_flags_quotesAndEscapesRemovedAndDoubleDashEnds() {
    ParsedFile parsed = LineParser.parse("COPY --chown='a b' --x=\\\"y -- --not-a-flag dest\n");
    Node node = parsed.nodes().get(0);
    assertEquals(List.of("--chown=a b", "--x=\"y"), node.flags());
    assertEquals(List.of("--not-a-flag", "dest"), node.args());
  }

  @Test
  void parse_flagsOnlyInstruction_noArguments() {
    assertEquals("(run [\"--network=none\"])", dump("RUN --network=none"));
    assertEquals("(foo [\"--x\"] \"\")", dump("FOO --x bar"));
  }

  @Test
  void parse_jsonForms_execFormFlaggedAndBrokenJsonFallsBack() {
    ParsedFile parsed =
        LineParser.parse("CMD [\"a\", \"b\\u0000\\/\"]\nCMD ['a']\nCMD [\"a\"] x\nCMD []\n");
    assertEquals(
        "(cmd \"a\" \"b\\x00/\")\n(cmd \"['a']\")\n(cmd \"[\\\"a\\\"] x\")\n(cmd)",
        BuildkitDump.render(parsed.nodes()));
    assertTrue(parsed.nodes().get(0).json());
    assertFalse(parsed.nodes().get(1).json());
    assertTrue(parsed.nodes().get(3).json());
  }

  @Test
  void parse_jsonWithNonStringElement_errorAndRestStillParsed() {
    ParsedFile parsed =
        LineParser.parse("FROM a\nCMD [\"a\", 1]\nCOPY [{\"a\":[true,null,-1.5e3]}]\nRUN ok\n");
    List<Diagnostic> errors = errors(parsed);
    assertEquals(2, errors.size());
    assertTrue(errors.get(0).message().startsWith(ArgumentRules.NOT_STRINGS));
    assertEquals(new SourceSpan(2, 1, 2, 13), errors.get(0).span());
    assertEquals(3, errors.get(1).span().startLine());
    assertEquals("(from \"a\")\n(run \"ok\")", BuildkitDump.render(parsed.nodes()));
  }

  @Test
  void parse_jsonDeeperThanGoDecoderLimit_fallsBackToShellForm() {
    String deep = "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]";
    ParsedFile parsed = LineParser.parse("CMD " + deep + "\n");
    assertFalse(parsed.hasErrors());
    assertEquals(List.of(deep), parsed.nodes().get(0).args());
    String limit = "[" + "[".repeat(9_999) + "]".repeat(9_999) + "]";
    assertTrue(
        LineParser.parse("CMD " + limit + "\n").hasErrors(), "9999 nested levels are valid JSON");
  }

  @Test
  void parse_envAndLabelForms_triples() {
    assertEquals(
        "(env \"A\" \"b c=d\" \"\")\n(label \"k\" \"\\\"v w\\\"\" \"=\" \"x\" \"\" \"=\")",
        dump("ENV A b c=d\nLABEL k=\"v w\" x=\n"));
  }

  @Test
  void parse_envErrors_referenceMessagesWithInstructionSpan() {
    ParsedFile parsed = LineParser.parse("ENV PATH\nLABEL a=b c\nENV ok=1\n");
    List<Diagnostic> errors = errors(parsed);
    assertEquals(2, errors.size());
    assertTrue(errors.get(0).message().startsWith("ENV must have two arguments"));
    assertEquals(new SourceSpan(1, 1, 1, 9), errors.get(0).span());
    assertEquals(
        "Syntax error - can't find = in \"c\". Must be of the form: name=value",
        errors.get(1).message());
    assertEquals(1, parsed.nodes().size());
  }

  @Test
  void parse_argWords_quotesKept() {
    assertEquals("(arg \"a=\\\"x y\\\"\" \"b\")", dump("ARG a=\"x y\" b"));
  }

  @Test
  void parse_healthcheckShapes_typeThenCommand() {
    assertEquals(
        "(healthcheck)\n(healthcheck \"NONE\")\n(healthcheck [\"--retries=3\"] \"CMD\" \"a\" \"b\")\n(healthcheck \"CMD\" \"curl x\")",
        dump(
            "HEALTHCHECK\nHEALTHCHECK NONE\nHEALTHCHECK --retries=3 CMD [\"a\",\"b\"]\nHEALTHCHECK CMD curl x\n"));
    assertTrue(LineParser.parse("HEALTHCHECK CMD [\"a\"]").nodes().get(0).json());
  }

  @Test
  void parse_onbuild_nestedInstructionWithItsOwnFlags() {
    ParsedFile parsed =
        LineParser.parse("ONBUILD COPY --from=b x y\nONBUILD\nonbuild onbuild RUN z\n");
    assertEquals(
        "(onbuild (copy [\"--from=b\"] \"x\" \"y\"))\n(onbuild)\n(onbuild (onbuild (run \"z\")))",
        BuildkitDump.render(parsed.nodes()));
    Node trigger = parsed.nodes().get(0).children().get(0);
    assertEquals("COPY", trigger.command());
    assertEquals(parsed.nodes().get(0).span(), trigger.span());
  }

  @Test
  void parse_unknownKeyword_oneEmptyArgumentAndCaseKept() {
    Node node = LineParser.parse("CPOY a b\n").nodes().get(0);
    assertEquals("CPOY", node.keyword());
    assertEquals(List.of(""), node.args());
  }

  @Test
  void parse_byteOrderMark_droppedAndColumnsCountFromAfterIt() {
    ParsedFile parsed = LineParser.parse("\uFEFF# escape=`\nFROM a\n");
    assertEquals('`', parsed.escape());
    assertEquals(new SourceSpan(2, 1, 2, 7), parsed.nodes().get(0).span());
  }

  @Test
  void parse_lineLongerThanLimit_errorAndInstructionDropped() {
    String ok = "RUN " + "x".repeat(FileParser.MAX_LINE_BYTES - 4);
    assertFalse(LineParser.parse(ok + "\n").hasErrors());
    String tooLong = "RUN " + "\u00e9".repeat(FileParser.MAX_LINE_BYTES / 2);
    ParsedFile parsed = LineParser.parse("FROM a\n" + tooLong + "\nRUN b\n");
    List<Diagnostic> errors = errors(parsed);
    assertEquals(1, errors.size());
    assertTrue(
        errors
            .get(0)
            .message()
            .startsWith("dockerfile line greater than max allowed size of 65535"));
    assertEquals(2, errors.get(0).span().startLine());
    assertEquals("(from \"a\")\n(run \"b\")", BuildkitDump.render(parsed.nodes()));
  }

  @Test
  void parse_noInstructions_errorCoversTheFile() {
    ParsedFile parsed = LineParser.parse("# a\n\n# b\n");
    assertEquals(
        List.of(
            Diagnostic.error(
                "file with no instructions; add an instruction such as FROM",
                SourceSpan.lines(1, 3))),
        parsed.diagnostics());
  }

  @Test
  void parse_onlyBrokenInstructions_noExtraEmptyFileError() {
    assertEquals(1, errors(LineParser.parse("ENV PATH\n")).size());
  }

  @Test
  void parse_blankLinesAndCommentsBetweenInstructions_skipped() {
    assertEquals("(from \"a\")\n(run \"b\")", dump("\n\n  # c\nFROM a\n\t\n# d\nRUN b\n\n"));
  }

  @Test
  void parse_loneEscapeAtEndOfFile_instructionWithEmptyKeyword() {
    ParsedFile parsed = LineParser.parse("FROM a\n\\\n");
    assertEquals("(from \"a\")\n(\"\")", BuildkitDump.render(parsed.nodes()));
    assertEquals("", parsed.nodes().get(1).keyword());
  }

  @Test
  void parse_commentsAfterInstruction_belongToTheNextOneOnly() {
    ParsedFile parsed = LineParser.parse("# one\nFROM a\n\n# two\n\n# three\nRUN b\nRUN c\n");
    assertEquals(List.of("one"), parsed.nodes().get(0).comments());
    assertEquals(List.of("two", "three"), parsed.nodes().get(1).comments());
    assertEquals(List.of(), parsed.nodes().get(2).comments());
  }

  @Test
  void parse_execFormWithJsonWhitespace_accepted() {
    Node node = LineParser.parse("ENTRYPOINT [ \"a\",\t\"b\" ]  \n").nodes().get(0);
    assertEquals(List.of("a", "b"), node.args());
    assertTrue(node.json());
  }

  @Test
  void parse_warningAndErrorInOneInstruction_reportedInSourceOrder() {
    ParsedFile parsed = LineParser.parse("FROM a\nENV \\\n\nPATH\n");
    assertEquals(
        List.of(Severity.ERROR, Severity.WARNING),
        parsed.diagnostics().stream().map(Diagnostic::severity).collect(Collectors.toList()));
    assertEquals(2, parsed.diagnostics().get(0).span().startLine());
    assertEquals(3, parsed.diagnostics().get(1).span().startLine());
  }
}
