package org.iechorfile.kernel.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.session.Session;
import org.iechorfile.kernel.protocol.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ExecuteHandlerTest {

  @TempDir Path home;
  private final Recorder recorder = new Recorder();
  private final ScriptedSandbox sandbox = new ScriptedSandbox();
  private Session session;
  private ExecuteHandler handler;
  private History history;

  @BeforeEach
  void open() {
    session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(new NoBaseImages())
            .clock(recorder.clock)
            .build();
    history = new History();
    handler =
        new ExecuteHandler(
            () -> new CommandTarget(session, Analysis.standalone(), home), history, recorder.clock);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private Message execute(String code) throws Exception {
    handler.handle(recorder.exchange("execute_request", Map.of("code", code)));
    return recorder.lastReply();
  }

  @Test
  void handle_instructions_inputCardsAndOkReply() throws Exception {
    Message reply = execute("FROM scratch\nENV GREETING=hello");
    assertEquals("execute_reply", reply.type());
    assertTrue(recorder.json(reply).contains("\"status\":\"ok\""), recorder.json(reply));
    assertTrue(recorder.json(reply).contains("\"execution_count\":1"), recorder.json(reply));
    assertEquals(List.of("execute_input", "display_data", "display_data"), recorder.iopubTypes());
    String card = recorder.json(recorder.iopub.get(2));
    assertTrue(card.contains("Step 2: ENV GREETING=hello"), card);
    assertTrue(card.contains("GREETING=hello"), card);
    assertTrue(card.contains("text/html"), card);
  }

  @Test
  void handle_runOutput_streamsBeforeTheCard() throws Exception {
    execute("FROM scratch\nRUN echo hello, world\nRUN echo oops >&2");
    List<String> types = recorder.iopubTypes();
    assertEquals(
        List.of(
            "execute_input", "display_data", "stream", "display_data", "stream", "display_data"),
        types);
    assertTrue(recorder.json(recorder.iopub.get(2)).contains("\"name\":\"stdout\""));
    assertTrue(recorder.json(recorder.iopub.get(2)).contains("hello, world"));
    assertTrue(recorder.json(recorder.iopub.get(4)).contains("\"name\":\"stderr\""));
  }

  @Test
  void handle_rejectedInstruction_oneErrorWithCaret() throws Exception {
    Message reply = execute("FRM busybox");
    assertTrue(recorder.json(reply).contains("\"status\":\"error\""));
    assertEquals(List.of("execute_input", "error"), recorder.iopubTypes());
    String error = recorder.json(recorder.iopub.get(1));
    assertTrue(error.contains("\"ename\":\"StepRejected\""), error);
    assertTrue(error.contains("\"FRM busybox\""), error);
    assertTrue(error.contains("^^^"), error);
  }

  @Test
  void handle_failedRun_stopsTheCellAtTheFailure() throws Exception {
    Message reply = execute("FROM scratch\nRUN exit 3\nENV NEVER=1");
    assertTrue(recorder.json(reply).contains("\"ename\":\"StepFailed\""), recorder.json(reply));
    assertEquals(1, session.steps().size());
    assertTrue(session.config().env().stream().noneMatch(e -> e.startsWith("NEVER")));
  }

  @Test
  void handle_afterFailureWithStopOnError_earlierRequestsAborted() throws Exception {
    execute("FRM x");
    handler.handle(
        recorder.exchange(
            "execute_request", Map.of("code", "ENV A=1"), Map.of(), "2025-12-31T23:59:59Z"));
    String aborted = recorder.json(recorder.lastReply());
    assertTrue(aborted.contains("\"status\":\"abort\""), aborted);
    handler.handle(
        recorder.exchange(
            "execute_request", Map.of("code", "FROM scratch"), Map.of(), "2026-01-01T00:00:05Z"));
    assertTrue(recorder.json(recorder.lastReply()).contains("\"status\":\"ok\""));
  }

  @Test
  void handle_silent_noOutputsAndCountUnchanged() throws Exception {
    execute("FROM scratch");
    recorder.clear();
    handler.handle(recorder.exchange("execute_request", Map.of("code", "ENV A=1", "silent", true)));
    assertEquals(List.of(), recorder.iopubTypes());
    assertTrue(recorder.json(recorder.lastReply()).contains("\"execution_count\":1"));
  }

  @Test
  void handle_commandLast_executeResultTable() throws Exception {
    execute("FROM scratch\nENV A=1\n%steps");
    Message result = recorder.iopub.get(recorder.iopub.size() - 1);
    assertEquals("execute_result", result.type());
    String json = recorder.json(result);
    assertTrue(json.contains("<table"), json);
    assertTrue(json.contains("ENV A=1"), json);
  }

  @Test
  void handle_messageCommandLast_textResultAndHistoryOutput() throws Exception {
    execute("FROM scratch\n%cache off");
    String json = recorder.json(recorder.iopub.get(recorder.iopub.size() - 1));
    assertTrue(json.contains("\"text/plain\":\"build cache off"), json);
    String tail =
        recorder.codec.toJson(
            history.answer(
                new org.iechorfile.kernel.protocol.Requests.History(
                    true, "tail", 0, 0, 0, 1, "*", false)));
    assertTrue(tail.contains("\"build cache off"), tail);
  }

  @Test
  void handle_help_pagerPayload() throws Exception {
    Message reply = execute("%help RUN");
    String json = recorder.json(reply);
    assertTrue(json.contains("\"source\":\"page\""), json);
    assertTrue(json.contains("RUN"), json);
  }

  @Test
  void handle_shellCommand_explainsItNeedsATerminal() throws Exception {
    execute("%shell");
    String json = recorder.json(recorder.lastReply());
    assertTrue(json.contains("needs a terminal"), json);
  }

  @Test
  void handle_undoCommand_stepUndoneShown() throws Exception {
    execute("FROM scratch\nENV A=1\n%undo");
    assertEquals(1, session.steps().stream().filter(s -> s.live()).count());
    assertTrue(
        recorder.iopub.stream().anyMatch(m -> recorder.json(m).contains("\"name\":\"stdout\"")));
  }

  @Test
  void handle_percentInsideContinuation_partOfTheInstruction() throws Exception {
    execute("FROM scratch\nRUN echo a \\\n%notacommand");
    assertTrue(recorder.json(recorder.lastReply()).contains("\"status\":\"ok\""));
    assertTrue(recorder.iopub.stream().anyMatch(m -> recorder.json(m).contains("a %notacommand")));
  }

  @Test
  void handle_sameCellIdAgain_replacesItsStepsOnTheOriginalParent() throws Exception {
    execute("FROM scratch");
    Map<String, Object> cell = Map.of("cellId", "cell-a");
    handler.handle(
        recorder.exchange(
            "execute_request", Map.of("code", "ENV A=1"), cell, "2026-01-01T00:00:00Z"));
    execute("ENV B=2");
    recorder.clear();
    handler.handle(
        recorder.exchange(
            "execute_request", Map.of("code", "ENV A=3"), cell, "2026-01-01T00:00:00Z"));
    assertTrue(recorder.json(recorder.iopub.get(1)).contains("Re-running this cell on step 1"));
    List<String> env = session.config().env();
    assertTrue(env.contains("A=3"), env.toString());
    assertFalse(env.stream().anyMatch(e -> e.startsWith("B=")), env.toString());
  }

  private Message executeCell(String cellId, String code) throws Exception {
    handler.handle(
        recorder.exchange(
            "execute_request",
            Map.of("code", code),
            Map.of("cellId", cellId),
            "2026-01-01T00:00:00Z"));
    return recorder.lastReply();
  }

  private String stdout() {
    StringBuilder text = new StringBuilder();
    for (Message message : recorder.iopub) {
      if (message.type().equals("stream")) {
        text.append(recorder.json(message));
      }
    }
    return text.toString();
  }

  @Test
  void handle_middleCellAgain_laterCellsStayRedoableAndRedoReappliesThem() throws Exception {
    executeCell("a", "FROM scratch\nENV A=1");
    executeCell("b", "ENV B=1\nRUN echo b");
    executeCell("c", "RUN echo c");
    int runs = sandbox.requests();
    recorder.clear();
    executeCell("b", "ENV B=2\nRUN echo b");
    String said = stdout();
    assertTrue(said.contains("Re-running this cell on step 2: it replaces steps 3 to 4."), said);
    assertTrue(said.contains("Steps 5 to 5 are redoable with %redo."), said);
    assertEquals(
        List.of(true, true, true, true, false),
        session.steps().stream().map(s -> s.live()).toList());
    assertTrue(session.steps().get(4).pending());
    assertEquals(List.of("A=1", "B=2"), session.config().env());
    recorder.clear();
    Message reply = executeCell("d", "%redo");
    assertTrue(recorder.json(reply).contains("\"status\":\"ok\""), recorder.json(reply));
    assertEquals(5, session.steps().stream().filter(s -> s.live()).count());
    assertEquals("RUN echo c", session.steps().get(4).source());
    assertEquals(runs + 2, sandbox.requests(), "B's changed RUN and C's RUN ran again");
    assertTrue(stdout().contains("redone 1 step; now at step 5"), stdout());
  }

  @Test
  void handle_laterCellAgain_afterAnEarlierCellGrew_replacesItsOwnStep() throws Exception {
    executeCell("a", "FROM scratch");
    executeCell("b", "ENV B=1");
    executeCell("c", "ENV C=1");
    executeCell("b", "ENV B=2\nENV B=3");
    recorder.clear();
    executeCell("c", "ENV C=2");
    assertTrue(stdout().contains("Re-running this cell on step 3: it replaces step 4."), stdout());
    assertEquals(List.of("B=3", "C=2"), session.config().env());
    assertEquals(4, session.steps().size());
    assertTrue(session.steps().stream().allMatch(s -> s.live()));
  }

  @Test
  void handle_lastCellAgain_noRedoableSteps() throws Exception {
    executeCell("a", "FROM scratch");
    executeCell("b", "ENV B=1");
    recorder.clear();
    executeCell("b", "ENV B=2");
    assertTrue(stdout().contains("it replaces step 2."), stdout());
    assertFalse(stdout().contains("redoable"), stdout());
    assertEquals(2, session.steps().size());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void interrupt_duringSleep_cellEndsInterrupted() throws Exception {
    execute("FROM scratch");
    Thread stopper =
        new Thread(
            () -> {
              try {
                sandbox.sleeping.await();
                handler.interrupt();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stopper.start();
    Message reply = execute("RUN sleep 30\nENV AFTER=1");
    stopper.join();
    String json = recorder.json(reply);
    assertTrue(json.contains("\"ename\":\"Interrupted\""), json);
    assertFalse(session.config().env().contains("AFTER=1"));
  }
}
