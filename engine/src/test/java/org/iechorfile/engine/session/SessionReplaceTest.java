package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.StepFailed;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepUndone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionReplaceTest {

  @TempDir Path home;

  private final FakeSandbox sandbox = new FakeSandbox();
  private final RecordingListener listener = new RecordingListener();
  private Session session;

  @BeforeEach
  void open() {
    session =
        Session.builder()
            .home(home)
            .sandbox(sandbox)
            .images(new FixedImages(Map.of()))
            .clock(Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC))
            .build();
    session.addListener(listener);
  }

  @AfterEach
  void close() {
    session.close();
  }

  private static List<String> kinds(List<SessionEvent> events) {
    return RecordingListener.kinds(events);
  }

  private List<String> states() {
    return session.steps().stream()
        .map(s -> s.id().number() + (s.live() ? " live" : s.pending() ? " pending" : " undone"))
        .toList();
  }

  private void replaceWith(int first, int last, String source) {
    Replacement replacement = session.replace(first, last);
    try {
      session.apply(source);
    } finally {
      replacement.close();
    }
  }

  /** Cells A = steps 1-2, B = steps 3-4, C = step 5. */
  private void threeCells() {
    session.apply("FROM scratch\nENV A=1");
    session.apply("ENV B=1\nENV B=2");
    session.apply("ENV C=1");
  }

  @Test
  void replace_middleSteps_keepsTheTailAsPendingRedo() {
    threeCells();
    List<SessionEvent> applied;
    try (Replacement replacement = session.replace(3, 4)) {
      assertEquals(
          List.of(
              new StepUndone(new StepId(5), "ENV C=1"),
              new StepUndone(new StepId(4), "ENV B=2"),
              new StepUndone(new StepId(3), "ENV B=1")),
          replacement.events());
      applied = session.apply("ENV B=3\nENV B=4");
    }
    assertEquals(new StepId(4), ((StepCompleted) applied.get(applied.size() - 1)).step());
    assertEquals(List.of("1 live", "2 live", "3 live", "4 live", "5 pending"), states());
    assertEquals("ENV C=1", session.steps().get(4).source());
    assertEquals(List.of("A=1", "B=4"), session.config().env());
    assertTrue(session.stateAt(5).isEmpty());
  }

  @Test
  void redo_pendingStep_appliesItsInstructionOnTheNewSteps() {
    threeCells();
    replaceWith(3, 4, "ENV B=3");
    List<SessionEvent> events = session.redo(1);
    assertEquals(
        List.of("StepStarted", "ConfigChanged", "StepCompleted", "StepRedone"), kinds(events));
    assertEquals(new StepRedone(new StepId(4), "ENV C=1"), events.get(3));
    assertEquals(List.of("A=1", "B=3", "C=1"), session.config().env());
    assertEquals(List.of("1 live", "2 live", "3 live", "4 live"), states());
  }

  @Test
  void redo_afterUndoPastReplacedSteps_redoesKeptOnesThenPendingOnes() {
    threeCells();
    replaceWith(3, 4, "ENV B=3");
    session.undo(1);
    assertEquals(List.of("1 live", "2 live", "3 undone", "4 pending"), states());
    assertEquals(
        List.of("StepRedone", "StepStarted", "ConfigChanged", "StepCompleted", "StepRedone"),
        kinds(session.redo(5)));
    assertEquals(List.of("A=1", "B=3", "C=1"), session.config().env());
  }

  @Test
  void redo_pendingRunThatFails_staysOnTheLastGoodStepWithTheRestRedoable() {
    session.apply("FROM scratch\nENV A=1\nRUN build\nENV D=1");
    replaceWith(2, 2, "ENV A=2");
    sandbox.exitCode = 1;
    session.setCacheEnabled(false);
    List<SessionEvent> events = session.redo(2);
    assertEquals("StepFailed", kinds(events).get(kinds(events).size() - 1));
    assertEquals(new StepId(3), ((StepFailed) events.get(events.size() - 1)).step());
    assertEquals(List.of("1 live", "2 live", "3 pending", "4 pending"), states());
    assertEquals(List.of("A=2"), session.config().env());
    sandbox.exitCode = 0;
    assertEquals(
        List.of("StepRedone", "StepRedone"),
        kinds(session.redo(2)).stream().filter(k -> k.equals("StepRedone")).toList());
    assertEquals(List.of("A=2", "D=1"), session.config().env());
  }

  @Test
  void redo_pendingRunAfterAnUnchangedReplay_comesFromTheCache() {
    session.apply("FROM scratch\nENV A=1");
    session.apply("RUN build");
    replaceWith(2, 2, "ENV A=1");
    List<SessionEvent> events = session.redo(1);
    StepCompleted completed =
        (StepCompleted)
            events.stream().filter(e -> e instanceof StepCompleted).findFirst().orElseThrow();
    assertTrue(completed.cache().hit(), completed.cache().reason());
    assertEquals(1, sandbox.requests.size());
  }

  @Test
  void redo_pendingRunAfterAChangedParent_runsAgain() {
    session.apply("FROM scratch\nENV A=1");
    session.apply("RUN build");
    replaceWith(2, 2, "ENV A=2");
    List<SessionEvent> events = session.redo(1);
    StepCompleted completed =
        (StepCompleted)
            events.stream().filter(e -> e instanceof StepCompleted).findFirst().orElseThrow();
    assertFalse(completed.cache().hit());
    assertEquals(2, sandbox.requests.size());
  }

  @Test
  void apply_afterTheReplacementEnded_dropsThePendingSteps() {
    threeCells();
    replaceWith(3, 4, "ENV B=3");
    session.apply("ENV E=1");
    assertEquals(List.of("1 live", "2 live", "3 live", "4 live"), states());
    assertTrue(session.redo(1).isEmpty());
  }

  @Test
  void replace_ofUndoneSteps_redoesUpToTheirParentFirst() {
    threeCells();
    session.goTo(1);
    List<SessionEvent> events;
    try (Replacement replacement = session.replace(3, 4)) {
      events = replacement.events();
    }
    assertEquals(List.of("StepRedone"), kinds(events));
    assertEquals(List.of("1 live", "2 live", "3 pending"), states());
  }

  @Test
  void goTo_pendingStep_appliesItAgain() {
    threeCells();
    replaceWith(3, 4, "ENV B=3");
    session.goTo(4);
    assertEquals(List.of("A=1", "B=3", "C=1"), session.config().env());
  }

  @Test
  void replace_outOfRange_isRefused() {
    threeCells();
    assertThrows(IllegalArgumentException.class, () -> session.replace(0, 1));
    assertThrows(IllegalArgumentException.class, () -> session.replace(3, 9));
  }
}
