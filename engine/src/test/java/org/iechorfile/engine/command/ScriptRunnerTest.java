package org.iechorfile.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {

  @TempDir Path home;
  @TempDir Path work;

  private final ScriptRunner runner = new ScriptRunner(CommandParser.standard());

  private static final class Recording implements ScriptObserver {
    final List<String> started = new ArrayList<>();
    final List<CommandResult> results = new ArrayList<>();
    String stopAt = "";

    @Override
    public boolean starting(Segment segment) {
      if (segment.keyword().equals(stopAt)) {
        return false;
      }
      started.add(segment.line() + " " + segment.keyword());
      return true;
    }

    @Override
    public void commandFinished(Segment segment, CommandResult result) {
      results.add(result);
    }
  }

  @Test
  void run_instructionsAndCommands_appliedInOrder() {
    try (Session session = ScratchSessions.session(home)) {
      Recording observer = new Recording();
      ScriptOutcome outcome =
          runner.run(
              "FROM scratch\n# a comment\nENV A=1 \\\n  B=2\n%undo\nENV C=3\n%steps\n",
              ScratchSessions.target(session, work), observer);
      assertTrue(outcome.succeeded());
      assertEquals(5, outcome.ran());
      assertEquals(List.of("1 FROM", "3 ENV", "5 %undo", "6 ENV", "7 %steps"), observer.started);
      assertEquals(List.of("C=3"), session.config().env());
      CommandResult.Table table = (CommandResult.Table) observer.results.get(1);
      assertEquals(List.of("1", "2"), table.rows().stream().map(r -> r.get(0)).toList());
      assertEquals("ENV C=3", table.rows().get(1).get(3));
    }
  }

  @Test
  void run_failingRun_stopsThere() {
    try (Session session = ScratchSessions.session(home)) {
      ScriptOutcome outcome =
          runner.run(
              "FROM scratch\nRUN false\nENV NEVER=1\n",
              ScratchSessions.target(session, work),
              ScriptObserver.silent());
      assertFalse(outcome.succeeded());
      assertEquals(2, outcome.ran());
      assertEquals(2, outcome.failed().orElseThrow().line());
      assertEquals(1, session.steps().size());
    }
  }

  @Test
  void run_rejectedCommand_stopsThere() {
    try (Session session = ScratchSessions.session(home)) {
      Recording observer = new Recording();
      ScriptOutcome outcome =
          runner.run(
              "FROM scratch\n%undo many\nENV NEVER=1\n",
              ScratchSessions.target(session, work), observer);
      assertEquals("%undo", outcome.failed().orElseThrow().keyword());
      assertTrue(observer.results.get(0) instanceof CommandResult.Rejected);
    }
  }

  @Test
  void run_observerDeclines_endsSuccessfully() {
    try (Session session = ScratchSessions.session(home)) {
      Recording observer = new Recording();
      observer.stopAt = "USER";
      ScriptOutcome outcome =
          runner.run(
              "FROM scratch AS one\nENV A=1\nUSER nobody\nENV B=2\n",
              ScratchSessions.target(session, work),
              observer);
      assertTrue(outcome.succeeded());
      assertEquals(2, outcome.ran());
      assertEquals(List.of("A=1"), session.config().env());
    }
  }

  @Test
  void run_heredocAndEscapeDirective_eachInstructionWhole() {
    try (Session session = ScratchSessions.session(home)) {
      ScriptOutcome outcome =
          runner.run(
              "# escape=`\nFROM scratch\nENV A=1 `\n  B=2\nRUN <<EOF\necho one\necho two\nEOF\n",
              ScratchSessions.target(session, work),
              ScriptObserver.silent());
      assertTrue(outcome.succeeded(), () -> outcome.events().toString());
      assertEquals(List.of("A=1", "B=2"), session.config().env());
      assertEquals(3, session.steps().size());
    }
  }

  @Test
  void execute_load_appliesFileAndReportsWhereItStopped() throws Exception {
    Files.writeString(work.resolve("good"), "FROM scratch\nENV A=1\n");
    Files.writeString(work.resolve("bad"), "ENV B=2\nRUN false\nENV C=3\n");
    try (Session session = ScratchSessions.session(home)) {
      CommandTarget target = ScratchSessions.target(session, work);
      CommandResult good = CommandParser.standard().parse("%load good").execute(target);
      assertEquals(
          "loaded " + work.resolve("good") + ": 2 instructions and commands applied",
          ((CommandResult.Events) good).summary());
      CommandResult bad = CommandParser.standard().parse("%load bad").execute(target);
      assertFalse(bad.succeeded());
      assertEquals(
          "stopped loading "
              + work.resolve("bad")
              + " at line 2 (2 of 3 run); fix it and type the rest, or %load again",
          ((CommandResult.Events) bad).summary());
      CommandResult missing = CommandParser.standard().parse("%load nothing").execute(target);
      assertEquals(
          "cannot read " + work.resolve("nothing") + " (no such file); check the path",
          ((CommandResult.Rejected) missing).diagnostics().get(0).message());
      assertEquals(List.of("A=1", "B=2"), session.config().env());
    }
  }
}
