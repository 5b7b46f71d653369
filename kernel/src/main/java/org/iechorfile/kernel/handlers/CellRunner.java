package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.command.CommandParser;
import org.iechorfile.engine.command.CommandRegistry;
import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.command.CommandTarget;
import org.iechorfile.engine.command.ScriptObserver;
import org.iechorfile.engine.command.ScriptOutcome;
import org.iechorfile.engine.command.ScriptRunner;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;
import org.iechorfile.engine.session.Replacement;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StepInfo;

/**
 * Runs a cell through the shared script runner (instructions through the session, {@code %} lines
 * through the shared command parser), in order, stopping at the first failure, and renders what
 * happens. A cell run again under the same cell id is applied on the step its first run started
 * from, so it replaces its earlier steps instead of stacking on the newest state; the steps that
 * followed them stay redoable with {@code %redo}, which applies their instructions again (through
 * the build cache). Without a cell id, cells add their steps as in the REPL. Used on the shell
 * thread; {@link #interrupt()} from any thread.
 */
final class CellRunner {

  private final CommandTarget target;
  private final ScriptRunner runner;
  private final Map<String, CellSteps> cells = new HashMap<>();
  private final AtomicBoolean interrupted = new AtomicBoolean();

  /** What a cell gave. */
  record Outcome(
      Optional<Traceback> error,
      List<Map<String, Object>> pages,
      Optional<Map<String, Object>> result) {
    Outcome {
      pages = List.copyOf(pages);
    }
  }

  CellRunner(CommandTarget target) {
    this.target = target;
    CommandRegistry commands = CommandRegistry.standard().with("shell", TerminalOnly::parse);
    this.runner = new ScriptRunner(new CommandParser(CommandCatalogue.standard(), commands));
  }

  /** Stops the running step and the rest of the cell. */
  void interrupt() {
    interrupted.set(true);
    target.session().stop();
  }

  Outcome run(String code, String cellId, CellOutput out) {
    interrupted.set(false);
    Optional<Replacement> replacement = rewind(cellId, out);
    EventRenderer renderer = new EventRenderer(out);
    Observer observer = new Observer(out, target.analysis().segments(code).size());
    Session session = target.session();
    session.addListener(renderer);
    try {
      ScriptOutcome outcome = runner.run(code, target, observer);
      Optional<Traceback> error = renderer.error().or(() -> observer.error);
      if (error.isEmpty() && interrupted.get() && !outcome.succeeded()) {
        error = Optional.of(Traceback.command("", "interrupted"));
      }
      if (error.isEmpty() && interrupted.get() && outcome.ran() < outcome.segments()) {
        error = Optional.of(Traceback.command("", "interrupted before the rest of the cell ran"));
      }
      return new Outcome(
          error, observer.pages, error.isPresent() ? Optional.empty() : observer.result);
    } finally {
      session.removeListener(renderer);
      replacement.ifPresent(Replacement::close);
      settle(cellId, replacement.isPresent(), out);
    }
  }

  /** Renders command results as they come: tables, messages, help pages, rejections. */
  private final class Observer implements ScriptObserver {
    private final CellOutput out;
    private final int segments;
    private int seen;
    private final List<Map<String, Object>> pages = new ArrayList<>();
    private Optional<Map<String, Object>> result = Optional.empty();
    private Optional<Traceback> error = Optional.empty();

    Observer(CellOutput out, int segments) {
      this.out = out;
      this.segments = segments;
    }

    @Override
    public boolean starting(Segment segment) {
      seen++;
      return !interrupted.get();
    }

    @Override
    public void commandFinished(Segment segment, CommandResult commandResult) {
      if (commandResult instanceof CommandResult.Rejected rejected) {
        error = Optional.of(Traceback.rejected(rejected.line(), rejected.diagnostics()));
        return;
      }
      if (commandResult instanceof CommandResult.Help help) {
        pages.add(
            Map.of(
                "source",
                "page",
                "data",
                Map.of(
                    "text/plain", help.documentation().toPlainText(),
                    "text/markdown", help.documentation().toMarkdown()),
                "start",
                0));
        return;
      }
      if (commandResult instanceof CommandResult.Events events) {
        if (!events.succeeded()) {
          error = Optional.of(Traceback.command(segment.text(), events.summary()));
        } else if (!events.summary().isEmpty()) {
          out.stream("stdout", events.summary() + "\n");
        }
        return;
      }
      Map<String, Object> bundle = bundle(commandResult);
      if (seen == segments) {
        result = Optional.of(bundle);
      } else {
        out.display(bundle);
      }
    }
  }

  private static Map<String, Object> bundle(CommandResult result) {
    if (result instanceof CommandResult.Table table) {
      return new Table(table.headers(), table.rows()).bundle();
    }
    if (result instanceof CommandResult.Message message) {
      return Map.of("text/plain", message.text());
    }
    throw new IllegalStateException("no rendering for " + result.getClass().getSimpleName());
  }

  /** The steps a cell made: those after {@code parent}, up to {@code end}. */
  private record CellSteps(int parent, int end) {
    CellSteps shiftedAfter(int from, int by) {
      return parent >= from ? new CellSteps(parent + by, end + by) : this;
    }
  }

  /**
   * For a cell run before: replaces the steps it made, on the step its first run stood on, keeping
   * the steps after them redoable. For a new cell: notes where it starts.
   */
  private Optional<Replacement> rewind(String cellId, CellOutput out) {
    if (cellId.isEmpty()) {
      return Optional.empty();
    }
    Session session = target.session();
    int live = liveSteps(session);
    CellSteps earlier = cells.get(cellId);
    if (earlier == null || earlier.end() > session.steps().size()) {
      cells.put(cellId, new CellSteps(live, live));
      return Optional.empty();
    }
    Replacement replacement;
    try {
      replacement = session.replace(earlier.parent() + 1, earlier.end());
    } catch (IllegalArgumentException e) {
      cells.put(cellId, new CellSteps(live, live));
      return Optional.empty();
    }
    if (earlier.parent() != live || earlier.end() > earlier.parent()) {
      out.stream("stdout", replacing(earlier) + "\n");
    }
    return Optional.of(replacement);
  }

  private static String replacing(CellSteps earlier) {
    int first = earlier.parent() + 1;
    String on = "Re-running this cell on step " + earlier.parent() + ": ";
    if (earlier.end() < first) {
      return on + "its steps go after it.";
    }
    return on
        + "it replaces "
        + (earlier.end() == first ? "step " + first : "steps " + first + " to " + earlier.end())
        + ".";
  }

  /** Notes the steps a cell made, moves the cells after it, and says what stays redoable. */
  private void settle(String cellId, boolean replaced, CellOutput out) {
    CellSteps started = cells.get(cellId);
    if (started == null) {
      return;
    }
    Session session = target.session();
    int end = Math.max(started.parent(), liveSteps(session));
    if (replaced) {
      // The cells after a replaced one moved with its steps; after a new cell, later cells'
      // steps were dropped, which the size check in rewind notices.
      int shift = end - started.end();
      cells.replaceAll(
          (id, steps) -> id.equals(cellId) ? steps : steps.shiftedAfter(started.end(), shift));
    }
    cells.put(cellId, new CellSteps(started.parent(), end));
    int total = session.steps().size();
    if (replaced && total > liveSteps(session)) {
      out.stream(
          "stdout",
          "Steps " + (liveSteps(session) + 1) + " to " + total + " are redoable with %redo.\n");
    }
  }

  private static int liveSteps(Session session) {
    int live = 0;
    for (StepInfo step : session.steps()) {
      if (step.live()) {
        live++;
      }
    }
    return live;
  }
}
