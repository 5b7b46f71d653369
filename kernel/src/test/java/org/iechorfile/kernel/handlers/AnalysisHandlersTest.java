package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.iechorfile.engine.Analysis;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;
import org.junit.jupiter.api.Test;

class AnalysisHandlersTest {

  private final AnalysisHandlers handlers = new AnalysisHandlers(Analysis::standalone);

  private String status(String code) {
    return handlers.isComplete(new Requests.IsComplete(code)).status();
  }

  @Test
  void isComplete_continuationHeredocAndArray_incompleteWithIndent() {
    assertEquals("incomplete", status("RUN echo hi \\"));
    assertEquals("incomplete", status("RUN <<EOF\necho hi"));
    assertEquals("incomplete", status("CMD [\"sh\","));
    assertEquals("  ", handlers.isComplete(new Requests.IsComplete("RUN a \\")).indent());
  }

  @Test
  void isComplete_finishedInput_complete() {
    assertEquals("complete", status("RUN <<EOF\necho hi\nEOF"));
    assertEquals("complete", status("ENV A=1\n%steps"));
    assertEquals("complete", status(""));
  }

  @Test
  void isComplete_unknownInstruction_invalid() {
    assertEquals("invalid", status("FRM busybox"));
  }

  @Test
  void isComplete_longCell_answeredWellWithinASecond() {
    String cell = "RUN echo line \\\n".repeat(5000) + "  done";
    long start = System.nanoTime();
    assertEquals("complete", status(cell));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000);
  }

  @Test
  void complete_keywordPrefix_matchesAndRange() {
    Replies.Complete reply = handlers.complete(new Requests.Complete("ENV A=1\nWORKD", 13));
    assertEquals(java.util.List.of("WORKDIR "), reply.matches());
    assertEquals(8, reply.cursorStart());
    assertEquals(13, reply.cursorEnd());
  }

  @Test
  void complete_afterAstralCharacter_codePointOffsets() {
    String code = "# \uD83D\uDE00\nFRO";
    int cursor = code.codePointCount(0, code.length());
    Replies.Complete reply = handlers.complete(new Requests.Complete(code, cursor));
    assertEquals(java.util.List.of("FROM "), reply.matches());
    assertEquals(cursor - 3, reply.cursorStart());
  }

  @Test
  void inspect_keyword_foundWithPlainAndMarkdown() {
    Replies.Inspect reply = handlers.inspect(new Requests.Inspect("RUN echo", 1, 0));
    assertTrue(reply.found());
    assertTrue(String.valueOf(reply.data().get("text/plain")).startsWith("RUN"));
    assertTrue(reply.data().containsKey("text/markdown"));
  }

  @Test
  void inspect_flag_documentsTheFlag() {
    Replies.Inspect reply =
        handlers.inspect(new Requests.Inspect("RUN --mount=type=cache x", 6, 0));
    assertTrue(reply.found());
    assertTrue(String.valueOf(reply.data().get("text/plain")).contains("--mount"));
  }

  @Test
  void inspect_nothingDocumented_notFound() {
    assertFalse(handlers.inspect(new Requests.Inspect("", 0, 0)).found());
  }
}
