package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iechorfile.engine.Completeness.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisCompletenessTest {

  private final Analysis analysis = Analysis.standalone();

  private Completeness judge(String input) {
    return analysis.analyzeCompleteness(input);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\n", "  \t\n", "# just a comment", "# escape=`\n\n# note\n"})
  void analyzeCompleteness_nothingToRun_isEmpty(String input) {
    Completeness result = judge(input);
    assertEquals(Status.EMPTY, result.status());
    assertEquals("", result.awaiting());
    assertTrue(result.isReady());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FROM alpine",
        "run echo hi",
        "RUN echo hi\n",
        "RUN echo a \\\n  && echo b",
        "%undo",
        "  %ls -la /app",
        "FROM alpine\n%ls\nRUN ls",
        "CMD [\"a\", \"b\"]",
        "RUN [ -f /etc/passwd ] && echo yes",
        "RUN echo foo\\\\",
        "COPY <<EOF /etc/motd\nhello\nEOF",
        "RUN <<EOF\necho hi\nEOF\n",
        "ENV A=1 \\\n# a comment inside\n  B=2"
      })
  void analyzeCompleteness_finishedInput_isComplete(String input) {
    Completeness result = judge(input);
    assertEquals(Status.COMPLETE, result.status(), input);
    assertEquals(input, result.source());
    assertTrue(result.diagnostics().isEmpty());
  }

  @Test
  void analyzeCompleteness_trailingEscape_awaitsContinuationLine() {
    Completeness result = judge("RUN apt-get update && \\");
    assertEquals(Status.INCOMPLETE, result.status());
    assertEquals("a continuation line", result.awaiting());
    assertFalse(result.isReady());
  }

  @Test
  void analyzeCompleteness_escapeThenLineFeed_stillAwaitsContinuation() {
    assertEquals(Status.INCOMPLETE, judge("RUN apt-get update && \\\n").status());
    assertEquals(Status.INCOMPLETE, judge("RUN a \\\n  b \\\n# comment").status());
    assertEquals(Status.INCOMPLETE, judge("RUN a \\   ").status());
  }

  @Test
  void analyzeCompleteness_blankLineAfterEscape_isComplete() {
    assertEquals(Status.COMPLETE, judge("RUN apt-get update \\\n\n").status());
    assertEquals(Status.COMPLETE, judge("RUN a \\\n  ").status());
  }

  @Test
  void analyzeCompleteness_backtickEscapeDirective_usesBacktick() {
    assertEquals(Status.INCOMPLETE, judge("# escape=`\nRUN dir `").status());
    assertEquals(Status.COMPLETE, judge("# escape=`\nRUN dir c:\\").status());
  }

  @Test
  void analyzeCompleteness_openHeredoc_awaitsItsTerminator() {
    Completeness result = judge("RUN <<EOF\napt-get update\n");
    assertEquals(Status.INCOMPLETE, result.status());
    assertEquals("the heredoc body ending in EOF", result.awaiting());
    assertEquals(Status.INCOMPLETE, judge("RUN <<EOF").status());
    assertEquals(Status.INCOMPLETE, judge("RUN <<EOF\n  EOF").status());
  }

  @Test
  void analyzeCompleteness_quotedMarker_awaitsTheUnquotedName() {
    assertEquals("the heredoc body ending in END", judge("RUN <<\"END\"\necho $HOME").awaiting());
    assertEquals(Status.COMPLETE, judge("RUN <<'END'\necho\nEND").status());
    assertEquals(Status.COMPLETE, judge("RUN 3<<END cat /dev/fd/3\nx\nEND").status());
  }

  @Test
  void analyzeCompleteness_severalMarkers_awaitsEachInTurn() {
    String twoFiles = "COPY <<A <<B /dest/\nfirst\n";
    assertEquals("the heredoc bodies ending in A and B", judge(twoFiles).awaiting());
    assertEquals("the heredoc body ending in B", judge(twoFiles + "A\nsecond\n").awaiting());
    assertEquals(Status.COMPLETE, judge(twoFiles + "A\nsecond\nB\n").status());
  }

  @Test
  void analyzeCompleteness_chompMarker_acceptsTabIndentedTerminator() {
    assertEquals(Status.COMPLETE, judge("RUN <<-EOF\n\techo hi\n\tEOF").status());
    assertEquals(Status.INCOMPLETE, judge("RUN <<EOF\n\techo hi\n\tEOF").status());
  }

  @Test
  void analyzeCompleteness_heredocOnOtherInstruction_isPlainText() {
    assertEquals(Status.COMPLETE, judge("USER <<EOF").status());
    assertEquals(Status.COMPLETE, judge("RUN [\"cat\", \"<<EOF\"]").status());
  }

  @Test
  void analyzeCompleteness_unbalancedQuoteInMarker_recognisesNoHeredoc() {
    assertEquals(Status.COMPLETE, judge("RUN <<'EOF cat").status());
  }

  @Test
  void analyzeCompleteness_heredocAfterContinuation_readsBodyAfterLastLine() {
    assertEquals(Status.INCOMPLETE, judge("RUN \\\n  <<EOF cat\nx").status());
    assertEquals(Status.COMPLETE, judge("RUN \\\n  <<EOF cat\nx\nEOF\n%steps").status());
  }

  @Test
  void analyzeCompleteness_unterminatedJsonArray_awaitsClosingBracket() {
    Completeness result = judge("CMD [\"python3\",\n");
    assertEquals(Status.INCOMPLETE, result.status());
    assertEquals("a closing ]", result.awaiting());
    assertEquals("a closing ]", judge("CMD [\"python3\",").awaiting());
    assertEquals("a closing ]", judge("ENTRYPOINT [").awaiting());
    assertEquals("a closing ]", judge("HEALTHCHECK --retries=2 CMD [\"a\",").awaiting());
    assertEquals("a closing ]", judge("ONBUILD RUN [\"a\",").awaiting());
  }

  @Test
  void analyzeCompleteness_jsonArrayOverSeveralLines_isCompleteWithEscapesInSource() {
    Completeness result = judge("CMD [\"python3\",\n  \"-m\",\r\n  \"http.server\"]\nEXPOSE 8000");
    assertEquals(Status.COMPLETE, result.status());
    assertEquals(
        "CMD [\"python3\",\\\n  \"-m\",\\\r\n  \"http.server\"]\nEXPOSE 8000", result.source());
  }

  @Test
  void analyzeCompleteness_openArrayFollowedByInstruction_doesNotJoin() {
    Completeness result = judge("CMD [\"a\",\nRUN echo");
    assertEquals(Status.COMPLETE, result.status());
    assertEquals("CMD [\"a\",\nRUN echo", result.source());
  }

  @Test
  void analyzeCompleteness_bracketOnNonJsonInstruction_isComplete() {
    assertEquals(Status.COMPLETE, judge("ENV A=[").status());
    assertEquals(Status.COMPLETE, judge("RUN [ -f x").status());
    assertEquals(Status.COMPLETE, judge("LABEL x=\"[\"").status());
  }

  @Test
  void analyzeCompleteness_unknownInstruction_isInvalidWithSuggestion() {
    Completeness result = judge("FROM alpine\nCPOY . /app");
    assertEquals(Status.INVALID, result.status());
    Diagnostic error = result.diagnostics().get(0);
    assertEquals("unknown instruction: CPOY; did you mean COPY?", error.message());
    assertEquals(new SourceSpan(2, 1, 2, 5), error.span());
    assertEquals(List.of("COPY"), error.suggestions());
  }

  @Test
  void analyzeCompleteness_unknownInstructionWithoutNeighbour_pointsToHelp() {
    Diagnostic error = judge("  frobnicate now").diagnostics().get(0);
    assertEquals("unknown instruction: frobnicate; %help lists the instructions", error.message());
    assertEquals(new SourceSpan(1, 3, 1, 13), error.span());
  }

  @Test
  void analyzeCompleteness_unknownOnbuildTrigger_isInvalid() {
    Completeness result = judge("ONBUILD RUm make");
    assertEquals(Status.INVALID, result.status());
    assertEquals(
        "unknown instruction: RUm; did you mean RUN?", result.diagnostics().get(0).message());
  }

  @Test
  void analyzeCompleteness_unknownCommand_isInvalidWithSuggestion() {
    Completeness result = judge("RUN true\n%udno 2");
    assertEquals(Status.INVALID, result.status());
    Diagnostic error = result.diagnostics().get(0);
    assertEquals("unknown command: %udno; did you mean %undo?", error.message());
    assertEquals(new SourceSpan(2, 1, 2, 6), error.span());
  }

  @Test
  void analyzeCompleteness_lonePercent_isInvalid() {
    Completeness result = judge("%");
    assertEquals(Status.INVALID, result.status());
    assertTrue(result.diagnostics().get(0).message().contains("%help lists the commands"));
  }

  @Test
  void analyzeCompleteness_jsonArrayOfNonStrings_isInvalid() {
    Completeness result = judge("CMD [\"sleep\", 5]");
    assertEquals(Status.INVALID, result.status());
    assertTrue(result.diagnostics().get(0).message().startsWith("when using JSON array syntax"));
    assertEquals(1, result.diagnostics().get(0).span().startLine());
  }

  @Test
  void analyzeCompleteness_badEscapeDirective_isInvalid() {
    Completeness result = judge("# escape=x\nRUN true");
    assertEquals(Status.INVALID, result.status());
    assertTrue(
        result
            .diagnostics()
            .get(0)
            .message()
            .startsWith("invalid escape token 'x' does not match ` or \\"));
  }

  @Test
  void analyzeCompleteness_repeatedDirective_isInvalid() {
    Completeness result = judge("# escape=\\\n# escape=`\nRUN true");
    assertTrue(
        result
            .diagnostics()
            .get(0)
            .message()
            .startsWith("only one escape parser directive can be used"));
    assertEquals(2, result.diagnostics().get(0).span().startLine());
  }

  @Test
  void analyzeCompleteness_lineParserError_isInvalid() {
    Completeness result = judge("FROM a\n%ls\nENV ONLYNAME\n%steps");
    assertEquals(Status.INVALID, result.status());
    assertEquals(3, result.diagnostics().get(0).span().startLine());
    assertTrue(result.diagnostics().get(0).message().startsWith("ENV must have two arguments"));
  }

  @Test
  void analyzeCompleteness_errorBeforeOpenInstruction_isInvalid() {
    assertEquals(Status.INVALID, judge("ENV ONLYNAME\nRUN a \\").status());
    assertEquals(Status.INVALID, judge("# escape=x\nRUN <<EOF").status());
  }

  @Test
  void analyzeCompleteness_commandsOnly_isNotAnEmptyFile() {
    assertEquals(Status.COMPLETE, judge("%steps\n%ls").status());
    assertEquals(Status.INCOMPLETE, judge("%steps\nRUN <<EOF").status());
  }

  @Test
  void analyzeCompleteness_errorWhileStillOpen_isInvalid() {
    assertEquals(Status.INVALID, judge("CPOY a \\").status());
  }

  @Test
  void analyzeCompleteness_percentInsideHeredocOrContinuation_isNotACommand() {
    assertEquals(Status.COMPLETE, judge("RUN <<EOF\n%notacommand\nEOF").status());
    assertEquals(Status.COMPLETE, judge("RUN printf \\\n%s x").status());
  }
}
