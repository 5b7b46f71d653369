package org.iechorfile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTokensTest {

  private final Analysis analysis = Analysis.standalone();

  /** The tokens of {@code input} as {@code KIND:text}, for readable expectations. */
  private List<String> tokens(String input) {
    int[] points = input.codePoints().toArray();
    List<String> shown = new ArrayList<>();
    for (Token token : analysis.tokens(input)) {
      shown.add(
          token.kind() + ":" + new String(points, token.start(), token.end() - token.start()));
    }
    return shown;
  }

  @Test
  void tokens_keywordInAnyCase_isKeyword() {
    assertEquals(List.of("KEYWORD:from", "KEYWORD:AS"), tokens("from alpine AS base"));
    assertEquals(List.of("KEYWORD:Run"), tokens("  Run make"));
  }

  @Test
  void tokens_unknownKeyword_isMarked() {
    assertEquals(List.of("UNKNOWN_KEYWORD:CPOY"), tokens("CPOY a b"));
  }

  @Test
  void tokens_flagsAndValues_areSeparated() {
    assertEquals(
        List.of(
            "KEYWORD:RUN",
            "FLAG:--mount",
            "OPERATOR:=",
            "FLAG_VALUE:type=cache,target=/root/.cache",
            "FLAG:--network",
            "OPERATOR:=",
            "FLAG_VALUE:none",
            "OPERATOR:&&",
            "NUMBER:2"),
        tokens("RUN --mount=type=cache,target=/root/.cache --network=none make && sleep 2"));
    assertEquals(List.of("KEYWORD:COPY", "FLAG:--link"), tokens("COPY --link a b"));
  }

  @Test
  void tokens_flagValueWithVariable_marksTheVariable() {
    assertEquals(
        List.of("KEYWORD:FROM", "FLAG:--platform", "OPERATOR:=", "VARIABLE:$BUILDPLATFORM"),
        tokens("FROM --platform=$BUILDPLATFORM alpine"));
  }

  @Test
  void tokens_stringsAndVariables_areMarkedInsideShellText() {
    assertEquals(
        List.of(
            "KEYWORD:RUN",
            "STRING:\"hi ",
            "VARIABLE:$USER",
            "STRING:\"",
            "OPERATOR:>",
            "VARIABLE:${HOME}",
            "STRING:'$x'"),
        tokens("RUN echo \"hi $USER\" > ${HOME}/a '$x'"));
  }

  @Test
  void tokens_envAssignments_markNamesOperatorsAndValues() {
    assertEquals(
        List.of(
            "KEYWORD:ENV",
            "VARIABLE:PATH",
            "OPERATOR:=",
            "VARIABLE:$PATH",
            "VARIABLE:LANG",
            "OPERATOR:=",
            "STRING:\"C.UTF-8\""),
        tokens("ENV PATH=/opt/bin:$PATH LANG=\"C.UTF-8\""));
  }

  @Test
  void tokens_jsonArray_marksPunctuationAndStrings() {
    assertEquals(
        List.of(
            "KEYWORD:CMD",
            "PUNCTUATION:[",
            "STRING:\"python3\"",
            "PUNCTUATION:,",
            "STRING:\"-m\"",
            "PUNCTUATION:]"),
        tokens("CMD [\"python3\", \"-m\"]"));
  }

  @Test
  void tokens_commentsAndDirectives_areWholeLines() {
    assertEquals(
        List.of("DIRECTIVE:# escape=`", "COMMENT:# hello world", "KEYWORD:RUN"),
        tokens("# escape=`\n  # hello world\nRUN x"));
  }

  @Test
  void tokens_continuation_marksEscapeAndInnerComment() {
    assertEquals(
        List.of(
            "KEYWORD:RUN",
            "PUNCTUATION:\\",
            "COMMENT:# why",
            "OPERATOR:&&",
            "PUNCTUATION:\\",
            "NUMBER:1"),
        tokens("RUN a \\\n  # why\n  && b \\\n  1"));
  }

  @Test
  void tokens_stringAcrossContinuation_isSplitPerLine() {
    List<Token> tokens = analysis.tokens("RUN echo \"a \\\nb\"");
    assertEquals(Token.Kind.STRING, tokens.get(1).kind());
    assertEquals(9, tokens.get(1).start());
    assertEquals(12, tokens.get(1).end());
    assertEquals(Token.Kind.PUNCTUATION, tokens.get(2).kind());
    assertEquals(new Token(Token.Kind.STRING, 14, 16), tokens.get(3));
  }

  @Test
  void tokens_heredoc_marksMarkerBodyAndTerminator() {
    assertEquals(
        List.of(
            "KEYWORD:RUN",
            "HEREDOC_MARKER:<<EOF",
            "OPERATOR:|",
            "HEREDOC_BODY:echo one",
            "HEREDOC_BODY:  # not a comment",
            "HEREDOC_MARKER:EOF",
            "KEYWORD:USER"),
        tokens("RUN <<EOF sh | tee\necho one\n  # not a comment\nEOF\nUSER app"));
  }

  @Test
  void tokens_severalHeredocs_markEachMarker() {
    assertEquals(
        List.of(
            "KEYWORD:COPY",
            "HEREDOC_MARKER:<<-A",
            "HEREDOC_MARKER:<<\"B\"",
            "HEREDOC_BODY:\tx",
            "HEREDOC_MARKER:\tA",
            "HEREDOC_BODY:y",
            "HEREDOC_MARKER:B"),
        tokens("COPY <<-A <<\"B\" /d/\n\tx\n\tA\ny\nB"));
  }

  @Test
  void tokens_commandLine_marksCommandOptionsAndNumbers() {
    assertEquals(List.of("COMMAND:%tree", "OPTION:-L", "NUMBER:2"), tokens("%tree /app -L 2"));
    assertEquals(
        List.of("COMMAND:%save", "OPTION:--format", "OPERATOR:=", "UNKNOWN_COMMAND:%frob"),
        tokens("%save a.tar --format=oci\n%frob"));
  }

  @Test
  void tokens_shCommand_isLexedAsShell() {
    assertEquals(
        List.of("COMMAND:%sh", "OPERATOR:|", "STRING:\"x\"", "VARIABLE:$HOME"),
        tokens("%sh ls | grep \"x\" $HOME"));
  }

  @Test
  void tokens_helpTopic_marksKeywordsAndCommands() {
    assertEquals(List.of("COMMAND:%help", "KEYWORD:run"), tokens("%help run"));
    assertEquals(List.of("COMMAND:%help", "COMMAND:%undo"), tokens("%help %undo"));
  }

  @Test
  void tokens_argAssignment_marksName() {
    assertEquals(
        List.of("COMMAND:%arg", "VARIABLE:V", "OPERATOR:=", "NUMBER:1"), tokens("%arg V=1"));
  }

  @Test
  void tokens_exposeAndHealthcheck_markNumbersAndKeywords() {
    assertEquals(
        List.of("KEYWORD:EXPOSE", "NUMBER:80", "NUMBER:53"), tokens("EXPOSE 80/tcp 53/udp"));
    assertEquals(
        List.of(
            "KEYWORD:HEALTHCHECK", "FLAG:--retries", "OPERATOR:=", "FLAG_VALUE:3", "KEYWORD:CMD"),
        tokens("HEALTHCHECK --retries=3 CMD curl -f http://x/"));
    assertEquals(List.of("KEYWORD:HEALTHCHECK", "KEYWORD:NONE"), tokens("HEALTHCHECK NONE"));
  }

  @Test
  void tokens_onbuild_marksTriggerKeywordAndFlags() {
    assertEquals(
        List.of("KEYWORD:ONBUILD", "KEYWORD:COPY", "FLAG:--from", "OPERATOR:=", "FLAG_VALUE:b"),
        tokens("ONBUILD COPY --from=b /x /y"));
  }

  @Test
  void tokens_offsets_countCodePoints() {
    List<Token> tokens = analysis.tokens("# 😀\nRUN x");
    assertEquals(new Token(Token.Kind.COMMENT, 0, 3), tokens.get(0));
    assertEquals(new Token(Token.Kind.KEYWORD, 4, 7), tokens.get(1));
  }

  @Test
  void tokens_anyInput_areOrderedAndDisjoint() {
    String input =
        "# syntax=x\nFROM a AS b\nRUN --mount=type=secret,id=x <<EOF cat \"$A\" \\\n && b\nbody\nEOF\n%ls -la";
    List<Token> tokens = analysis.tokens(input);
    for (int i = 1; i < tokens.size(); i++) {
      assertTrue(tokens.get(i - 1).end() <= tokens.get(i).start(), tokens.toString());
    }
  }
}
