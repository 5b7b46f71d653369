package org.iechorfile.engine.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepUndone;
import org.iechorfile.engine.session.Replacement;
import org.iechorfile.engine.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCommandsTest {

  @TempDir Path home;
  @TempDir Path work;

  private CommandResult run(CommandTarget target, String line) {
    return CommandParser.standard().parse(line).execute(target);
  }

  @Test
  void execute_undoRedoGoto_movesAndSaysWhere() {
    try (Session session = ScratchSessions.session(home)) {
      session.apply("FROM scratch\nENV A=1\nENV B=2");
      CommandTarget target = ScratchSessions.target(session, work);
      CommandResult.Events undone = (CommandResult.Events) run(target, "%undo 2");
      assertEquals("undone 2 steps; now at step 1", undone.summary());
      assertTrue(undone.events().stream().allMatch(e -> e instanceof StepUndone));
      CommandResult.Events redone = (CommandResult.Events) run(target, "%redo");
      assertEquals("redone 1 step; now at step 2", redone.summary());
      assertTrue(redone.events().get(0) instanceof StepRedone);
      assertEquals(
          "redone 1 step; now at step 3",
          ((CommandResult.Events) run(target, "%goto 3")).summary());
      assertEquals(
          "undone 3 steps; now before the first step",
          ((CommandResult.Events) run(target, "%reset")).summary());
      assertEquals(
          "nothing to undo; now before the first step",
          ((CommandResult.Events) run(target, "%undo")).summary());
    }
  }

  @Test
  void execute_stepsAndRedo_afterAReplacement_showPendingAndReapplyThem() {
    try (Session session = ScratchSessions.session(home)) {
      CommandTarget target = ScratchSessions.target(session, work);
      session.apply("FROM scratch\nENV A=1\nENV B=1");
      Replacement replacement = session.replace(2, 2);
      try {
        session.apply("ENV A=2");
      } finally {
        replacement.close();
      }
      CommandResult.Table table = (CommandResult.Table) run(target, "%steps");
      assertEquals(List.of("3", "pending", "stage-0", "ENV B=1", "", ""), table.rows().get(2));
      assertEquals(List.of("2", "live", "stage-0", "ENV A=2"), table.rows().get(1).subList(0, 4));
      CommandResult.Events redone = (CommandResult.Events) run(target, "%redo");
      assertEquals("redone 1 step; now at step 3", redone.summary());
      assertTrue(redone.succeeded());
      assertEquals(List.of("A=2", "B=1"), session.config().env());
    }
  }

  @Test
  void execute_gotoPastTheEnd_rejected() {
    try (Session session = ScratchSessions.session(home)) {
      session.apply("FROM scratch");
      CommandResult result = run(ScratchSessions.target(session, work), "%goto 5");
      assertFalse(result.succeeded());
      assertEquals(
          "no step 5; steps go from 0 to 1 (see %steps)",
          ((CommandResult.Rejected) result).diagnostics().get(0).message());
    }
  }

  @Test
  void execute_steps_tableWithLiveAndUndone() {
    try (Session session = ScratchSessions.session(home)) {
      CommandTarget target = ScratchSessions.target(session, work);
      assertEquals(
          new CommandResult.Message("no steps yet; type an instruction such as FROM busybox"),
          run(target, "%steps"));
      session.apply("FROM scratch AS base\nRUN echo hi");
      session.undo(1);
      CommandResult.Table table = (CommandResult.Table) run(target, "%steps");
      assertEquals(
          List.of("STEP", "STATE", "STAGE", "INSTRUCTION", "TIME", "SIZE"), table.headers());
      assertEquals(
          List.of("1", "live", "base", "FROM scratch AS base"), table.rows().get(0).subList(0, 4));
      assertEquals(
          List.of("2", "undone", "base", "RUN echo hi"), table.rows().get(1).subList(0, 4));
    }
  }

  @Test
  void execute_cacheArgContext_changeTheSession() throws Exception {
    Files.createDirectory(work.resolve("app"));
    try (Session session = ScratchSessions.session(home)) {
      CommandTarget target = ScratchSessions.target(session, work);
      assertEquals(new CommandResult.Message("build cache off"), run(target, "%cache off"));
      assertFalse(session.cacheEnabled());
      assertEquals(new CommandResult.Message("build cache off"), run(target, "%cache"));
      assertEquals(new CommandResult.Message("build cache cleared"), run(target, "%cache clear"));
      run(target, "%arg V=2");
      assertEquals(Map.of("V", "2"), session.buildArgs());
      assertEquals(
          new CommandResult.Table(List.of("NAME", "VALUE"), List.of(List.of("V", "2"))),
          run(target, "%arg"));
      assertEquals(
          new CommandResult.Message("build context: " + work.resolve("app")),
          run(target, "%context app"));
      assertEquals(work.resolve("app"), session.context().orElseThrow());
      CommandResult missing = run(target, "%context nowhere");
      assertEquals(
          "no directory " + work.resolve("nowhere") + "; give an existing directory",
          ((CommandResult.Rejected) missing).diagnostics().get(0).message());
    }
  }

  @Test
  void execute_help_documentsOrRejects() {
    try (Session session = ScratchSessions.session(home)) {
      CommandTarget target = ScratchSessions.target(session, work);
      CommandResult.Help help = (CommandResult.Help) run(target, "%help RUN");
      assertEquals("RUN", help.documentation().topic());
      assertFalse(run(target, "%help FROBNICATE").succeeded());
    }
  }
}
