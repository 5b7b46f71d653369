package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an interactive front end learns about text that stops mid-instruction. */
class OpenInputTest {

  private static final OpenInput CONTINUATION =
      new OpenInput(OpenInput.Kind.CONTINUATION, List.of());

  private static OpenInput heredocs(String... names) {
    return new OpenInput(OpenInput.Kind.HEREDOC, List.of(names));
  }

  @Test
  void openInput_completeOrEmptyText_closed() {
    assertEquals(OpenInput.CLOSED, LineParser.openInput(""));
    assertEquals(OpenInput.CLOSED, LineParser.openInput("FROM a\nRUN b"));
    assertEquals(OpenInput.CLOSED, LineParser.openInput("# just a comment \\"));
    assertEquals(OpenInput.CLOSED, LineParser.openInput("RUN <<EOF\nx\nEOF"));
  }

  @Test
  void openInput_trailingEscape_continuation() {
    assertEquals(CONTINUATION, LineParser.openInput("RUN a \\"));
    assertEquals(CONTINUATION, LineParser.openInput("RUN a \\  \n"));
    assertEquals(CONTINUATION, LineParser.openInput("RUN a \\\n\n"));
    assertEquals(CONTINUATION, LineParser.openInput("RUN a \\\n# comment\n"));
    assertEquals(CONTINUATION, LineParser.openInput("RUN a \\\nb \\"));
    assertEquals(CONTINUATION, LineParser.openInput("\\"));
  }

  @Test
  void openInput_doubledEscapeAtEnd_closed() {
    assertEquals(OpenInput.CLOSED, LineParser.openInput("RUN a \\\\"));
  }

  @Test
  void openInput_backtickDirective_backtickContinues() {
    assertEquals(CONTINUATION, LineParser.openInput("# escape=`\nRUN a `"));
    assertEquals(OpenInput.CLOSED, LineParser.openInput("# escape=`\nRUN a \\"));
  }

  @Test
  void openInput_heredocWithoutBody_awaitsTerminator() {
    assertEquals(heredocs("EOF"), LineParser.openInput("RUN <<EOF"));
    assertEquals(heredocs("EOF"), LineParser.openInput("RUN <<EOF\necho hi\n"));
  }

  @Test
  void openInput_severalHeredocs_awaitsTheRemainingInOrder() {
    assertEquals(heredocs("A", "B"), LineParser.openInput("COPY <<A <<B /d\n"));
    assertEquals(heredocs("B"), LineParser.openInput("COPY <<A <<B /d\na\nA\nb"));
  }

  @Test
  void openInput_continuationBeforeHeredoc_continuationReported() {
    assertEquals(CONTINUATION, LineParser.openInput("RUN <<EOF \\"));
  }

  @Test
  void openInput_heredocMarkerOnNonHeredocInstruction_closed() {
    assertEquals(OpenInput.CLOSED, LineParser.openInput("USER <<EOF"));
  }

  @Test
  void openInput_laterCompleteInstruction_closed() {
    assertEquals(OpenInput.CLOSED, LineParser.openInput("RUN <<EOF\nx\nEOF\nRUN a \\\nb"));
  }

  @Test
  void constructor_heredocKindWithoutNames_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new OpenInput(OpenInput.Kind.HEREDOC, List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new OpenInput(OpenInput.Kind.NONE, List.of("EOF")));
  }
}
