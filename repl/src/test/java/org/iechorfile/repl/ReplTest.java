package org.iechorfile.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iechorfile.engine.session.Session;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReplTest {

  @TempDir Path home;
  @TempDir Path work;

  private String run(Session session, String input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (Terminal terminal =
        new DumbTerminal(
            "test",
            "dumb",
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            output,
            StandardCharsets.UTF_8)) {
      int status =
          new Repl(
                  terminal,
                  TestSessions.target(session, work),
                  home.resolve("history"),
                  Styles.plain())
              .run();
      assertEquals(0, status);
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_instructionsAndCommands_appliedAndPrinted() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch AS app\nWORKDIR /srv\nRUN make\n%steps\n");
      assertTrue(out.contains("#1 FROM scratch AS app"), out);
      assertTrue(out.contains("  WorkingDir: (unset) -> /srv"), out);
      assertTrue(out.contains("make\n"), out);
      assertTrue(out.contains("ok #3 "), out);
      assertTrue(out.contains("not cached: "), out);
      assertTrue(out.contains("STEP  STATE  STAGE  INSTRUCTION"), out);
      assertTrue(out.contains("[#3 app /srv]> "), out);
      assertEquals(3, session.steps().size());
    }
  }

  @Test
  void run_multiLineHeredocAndContinuation_oneStepEach() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out =
          run(session, "FROM scratch\nRUN <<EOF\necho one\necho two\nEOF\nENV A=1 \\\n  B=2\n");
      assertEquals(3, session.steps().size(), out);
      assertEquals(List.of("A=1", "B=2"), session.config().env());
      assertTrue(out.contains("#2 RUN <<EOF ...\necho one\necho two\n"), out);
    }
  }

  @Test
  void run_rejectedLine_caretUnderTheMistake() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch\nCPOY a b\n%undo x\n");
      assertTrue(out.contains("  CPOY a b\n  ^^^^^^^^\n"), out);
      assertTrue(out.contains("error: 1:1: unknown instruction: CPOY (did you mean COPY?)\n"), out);
      assertTrue(out.contains("  %undo x\n        ^\n"), out);
      assertEquals(1, session.steps().size());
    }
  }

  @Test
  void run_failedStepAndUndo_sessionStaysOnGoodStep() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch\nRUN false\nENV A=1\n%undo\n");
      assertTrue(out.contains("x #2 failed: "), out);
      assertTrue(out.contains("undone #2 ENV A=1"), out);
      assertTrue(out.contains("undone 1 step; now at step 1"), out);
    }
  }

  @Test
  void run_history_keptAcrossRuns() throws IOException {
    try (Session session = TestSessions.session(home)) {
      run(session, "FROM scratch\nENV A=1\n");
    }
    List<String> lines = Files.readAllLines(home.resolve("history"));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(1).endsWith("ENV A=1"), lines.toString());
  }

  @Test
  void run_endOfInputWithSteps_remindsBeforeLeaving() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch\n");
      assertTrue(out.contains("the session has 1 step that were never exported"), out);
    }
  }

  @Test
  void altH_onAFlag_printsItsDocumentationAndKeepsTheLine() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch\nRUN --network=none\u001bh echo hi\n");
      assertTrue(out.contains("RUN --network - "), out);
      int docs = out.indexOf("RUN --network - ");
      assertTrue(docs < out.indexOf("#2 RUN"), out);
      assertTrue(out.indexOf("[#1 scratch /]> RUN --network=none", docs) > docs, out);
      assertEquals(2, session.steps().size(), out);
      assertEquals("RUN --network=none echo hi", session.steps().get(1).source());
    }
  }

  @Test
  void altH_onAnImagePath_printsWhatIsThere() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "FROM scratch\nRUN make\n%cat /make\u001bh\n");
      assertTrue(out.contains("/make\nfile, -rw-r--r-- (0644), owner 0:0, 4 B"), out);
      assertTrue(out.contains("  make\n"), out);
    }
  }

  @Test
  void altH_onNothingDocumented_oneLineHint() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String out = run(session, "\u001bh\n");
      assertTrue(
          out.contains("nothing to explain under the cursor; put it on an instruction"), out);
    }
  }

  @Test
  void help_overview_namesTheHelpKeys() throws IOException {
    try (Session session = TestSessions.session(home)) {
      String overview = run(session, "%help\n");
      String topic = run(session, "%help RUN\n");
      assertTrue(overview.contains("Alt-h (Esc h) or F1 shows the documentation"), overview);
      assertTrue(!topic.contains("Alt-h"), topic);
    }
  }
}
