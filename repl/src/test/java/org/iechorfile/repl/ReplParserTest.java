package org.iechorfile.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Token;
import org.iechorfile.engine.session.Session;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplParserTest {

  @TempDir Path home;

  private final ReplParser parser = new ReplParser(Analysis.standalone());

  @Test
  void parse_incompleteInput_eofErrorSaysWhatIsAwaited() {
    EOFError continuation =
        assertThrows(
            EOFError.class, () -> parser.parse("RUN echo \\", 10, ParseContext.ACCEPT_LINE));
    assertEquals("… a continuation line", continuation.getMissing());
    EOFError heredoc =
        assertThrows(
            EOFError.class, () -> parser.parse("RUN <<EOF\necho", 14, ParseContext.ACCEPT_LINE));
    assertEquals("… the heredoc body ending in EOF", heredoc.getMissing());
    EOFError array =
        assertThrows(
            EOFError.class, () -> parser.parse("CMD [\"a\",", 9, ParseContext.ACCEPT_LINE));
    assertEquals("… a closing ]", array.getMissing());
  }

  @Test
  void parse_completeOrInCompletion_noError() {
    ParsedLine line = parser.parse("RUN echo \"it's", 14, ParseContext.ACCEPT_LINE);
    assertEquals("RUN echo \"it's", line.line());
    ParsedLine completing = parser.parse("RUN --mo", 8, ParseContext.COMPLETE);
    assertEquals("--mo", completing.word());
    assertEquals(4, ((CompletingParsedLine) completing).rawWordLength());
    ParsedLine openQuote = parser.parse("RUN echo \\", 10, ParseContext.COMPLETE);
    assertEquals("RUN echo \\", openQuote.line());
  }

  @Test
  void complete_keywordsFlagsAndCommands_candidates() {
    ReplCompleter completer = new ReplCompleter(Analysis.standalone());
    assertEquals(List.of("WORKDIR "), values(completer, "WOR"));
    assertEquals(List.of("--mount="), values(completer, "RUN --mo"));
    assertEquals(List.of("%undo "), values(completer, "%un"));
  }

  @Test
  void complete_sessionState_pathsStagesVariables() {
    try (Session session = TestSessions.session(home)) {
      session.apply("FROM scratch AS build\nRUN make\nENV GREETING=hi\nFROM scratch");
      ReplCompleter completer = new ReplCompleter(TestSessions.target(session, home).analysis());
      assertEquals(List.of("build"), values(completer, "COPY --from=bu"));
      session.apply("ENV GOAL=x");
      assertEquals(List.of("$GOAL"), values(completer, "RUN echo $GO"));
      session.apply("RUN ls");
      assertEquals(List.of("/ls"), values(completer, "WORKDIR /l"));
    }
  }

  @Test
  void highlight_withColour_keywordsAndCommandsStyled() {
    ReplHighlighter colour = new ReplHighlighter(Analysis.standalone(), new Styles(true));
    AttributedString run = colour.highlight("RUN echo $HOME # hi");
    Styles styles = new Styles(true);
    assertEquals("RUN echo $HOME # hi", run.toString());
    assertEquals(styles.token(Token.Kind.KEYWORD), run.styleAt(0));
    assertEquals(AttributedStyle.DEFAULT, run.styleAt(5));
    assertEquals(styles.token(Token.Kind.VARIABLE), run.styleAt(10));
    assertEquals(styles.token(Token.Kind.COMMENT), run.styleAt(16));
    AttributedString undo = colour.highlight("%undo 2");
    assertEquals(styles.token(Token.Kind.COMMAND), undo.styleAt(1));
    ReplHighlighter plain = new ReplHighlighter(Analysis.standalone(), Styles.plain());
    assertEquals(AttributedStyle.DEFAULT, plain.highlight("%undo 2").styleAt(1));
  }

  private List<String> values(ReplCompleter completer, String buffer) {
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(
        null, parser.parse(buffer, buffer.length(), ParseContext.COMPLETE), candidates);
    return candidates.stream().map(Candidate::value).toList();
  }
}
