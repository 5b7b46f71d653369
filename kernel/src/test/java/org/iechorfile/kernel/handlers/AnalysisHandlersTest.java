package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void inspect_imagePath_whatIsThereInTheCurrentImage(@TempDir Path home, @TempDir Path context)
      throws Exception {
    Files.writeString(context.resolve("hello.txt"), "hello\nworld\n");
    try (Session session = session(home)) {
      session.setContext(context);
      session.apply("FROM scratch\nCOPY hello.txt /srv/hello.txt\nWORKDIR /srv");
      AnalysisHandlers withImage =
          AnalysisHandlers.withImage(() -> new CommandTarget(session, Analysis.standalone(), home));

      Replies.Inspect file =
          withImage.inspect(new Requests.Inspect("RUN cat /srv/hello.txt", 12, 0));
      Replies.Inspect directory = withImage.inspect(new Requests.Inspect("%ls /srv", 7, 0));
      Replies.Inspect relative = withImage.inspect(new Requests.Inspect("%cat hello.txt", 7, 0));
      Replies.Inspect missing = withImage.inspect(new Requests.Inspect("RUN ls /nope", 9, 0));
      Replies.Inspect keyword = withImage.inspect(new Requests.Inspect("RUN ls /srv", 1, 0));

      String text = String.valueOf(file.data().get("text/plain"));
      assertTrue(file.found());
      assertTrue(text.startsWith("/srv/hello.txt\nfile, -rw-r--r-- (0644), owner 0:0, 12 B"), text);
      assertTrue(text.contains("  hello\n  world\n"), text);
      assertTrue(String.valueOf(file.data().get("text/markdown")).contains("```\nhello\nworld"));
      assertTrue(
          String.valueOf(directory.data().get("text/plain")).contains("directory of 1 entries"));
      assertTrue(String.valueOf(directory.data().get("text/plain")).contains(" hello.txt\n"));
      assertTrue(String.valueOf(relative.data().get("text/plain")).startsWith("/srv/hello.txt"));
      assertFalse(missing.found());
      assertTrue(String.valueOf(keyword.data().get("text/plain")).startsWith("RUN"));
    }
  }

  private static Session session(Path home) {
    return Session.builder()
        .home(home)
        .sandbox(new ScriptedSandbox())
        .images(new NoBaseImages())
        .build();
  }
}
