package org.iechorfile.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.ChangeCard;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepCompleted;
import org.iechorfile.engine.instruction.InstructionParser;
import org.iechorfile.engine.instruction.ParseResult;
import org.iechorfile.engine.syntax.LineParser;
import org.iechorfile.engine.syntax.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionExportTest {

  @TempDir Path home;

  private final FakeSandbox sandbox = new FakeSandbox();
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
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void transcript_afterUndoRedoAndNewBranch_holdsLiveStepsAsTyped() {
    session.apply("FROM scratch AS build");
    session.apply("# the greeting\nRUN echo hi \\\n  && echo there");
    session.apply("RUN <<EOF\necho one\nEOF");
    session.apply("ENV DROPPED=1");
    session.undo(2);
    session.redo(1);
    session.apply("FROM build\nCMD [\"sh\"]");

    assertEquals(
        "FROM scratch AS build\n"
            + "# the greeting\n"
            + "RUN echo hi \\\n  && echo there\n"
            + "RUN <<EOF\necho one\nEOF\n"
            + "FROM build\n"
            + "CMD [\"sh\"]\n",
        session.transcript());
  }

  @Test
  void transcript_parsed_givesTheLiveStepsInstructions() {
    session.apply("FROM scratch");
    session.apply("ARG V=1\nENV A=$V B=\"two words\"");
    session.apply("RUN echo `date` \\\n  # a comment inside\n  && true");
    session.apply("LABEL x=y");
    session.undo(1);

    List<Node> nodes = LineParser.parse(session.transcript()).nodes();
    List<String> live =
        session.steps().stream().filter(s -> s.live()).map(s -> s.source()).toList();

    assertEquals(live, nodes.stream().map(Node::original).toList());
    InstructionParser parser = new InstructionParser();
    for (int i = 0; i < nodes.size(); i++) {
      ParseResult fromExport = parser.parse(nodes.get(i));
      ParseResult typed = parser.parse(LineParser.parse(live.get(i)).nodes().get(0));
      assertEquals(
          typed.instruction().orElseThrow().keyword(),
          fromExport.instruction().orElseThrow().keyword());
      assertEquals(
          LineParser.parse(live.get(i)).nodes().get(0).args(), nodes.get(i).args(), live.get(i));
    }
  }

  @Test
  void transcript_backtickEscape_keepsTheDirective() {
    session.apply("# escape=`\nFROM scratch\nENV A=1 `\n  B=2");

    String text = session.transcript();

    assertEquals("# escape=`\nFROM scratch\nENV A=1 `\n  B=2\n", text);
    assertEquals('`', LineParser.parse(text).escape());
  }

  @Test
  void stepCompleted_runStep_carriesChangeCardWithFilesAndCache() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("RUN make");

    StepCompleted completed = (StepCompleted) events.get(events.size() - 1);
    ChangeCard card = completed.card();

    assertEquals(1, card.added());
    assertEquals(1, card.bytesAdded());
    assertEquals(List.of(new ChangeCard.PathSize("/step-1", 1)), card.biggest());
    assertEquals(completed.cache(), card.cache());
    assertEquals(card, session.changeCard(2).orElseThrow());
  }

  @Test
  void stepCompleted_configStep_cardHasConfigDeltaOnly() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("USER app");

    ChangeCard card = ((StepCompleted) events.get(events.size() - 1)).card();

    assertTrue(!card.changedFiles());
    assertEquals(List.of(new ConfigChange("User", "", "app")), card.config());
  }

  @Test
  void stepCompleted_workdirOfAMissingDirectory_makesItAndChangesTheConfig() {
    session.apply("FROM scratch");
    List<SessionEvent> events = session.apply("WORKDIR /srv/app");

    ChangeCard card = ((StepCompleted) events.get(events.size() - 1)).card();

    assertEquals(2, card.added(), "/srv and /srv/app");
    assertEquals(List.of(new ConfigChange("WorkingDir", "", "/srv/app")), card.config());
    assertEquals(1, session.current().layers().size());
    assertTrue(
        java.nio.file.Files.isDirectory(
            session.current().layers().get(0).directory().resolve("srv/app")));
  }

  @Test
  void stateAt_earlierAndUndoneSteps_giveTheirStates() {
    session.apply("FROM scratch\nENV A=1\nENV B=2");
    session.undo(1);

    assertEquals(List.of("A=1"), session.stateAt(2).orElseThrow().config().env());
    assertEquals(List.of("A=1", "B=2"), session.stateAt(3).orElseThrow().config().env());
    assertTrue(session.stateAt(0).orElseThrow().layers().isEmpty());
    assertTrue(session.stateAt(4).isEmpty());
  }
}
