package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iechorfile.engine.Analysis;
import org.iechorfile.engine.Completeness;
import org.iechorfile.engine.session.Session;
import org.iechorfile.engine.session.StepInfo;

/**
 * Runs a cell: its instructions through the session and its {@code %} lines through the commands,
 * in order, stopping at the first failure. A cell run again under the same cell id is applied on
 * the step its first run started from, so it replaces its earlier steps instead of stacking on the
 * newest state. Used on the shell thread; {@link #interrupt()} from any thread.
 */
final class CellRunner {

  private final Session session;
  private final Analysis analysis;
  private final Commands commands;
  private final Map<String, Integer> cellParents = new HashMap<>();
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

  /** One part of a cell: instructions, or one {@code %} line. */
  record Part(boolean command, String text) {}

  CellRunner(Session session, Analysis analysis) {
    this.session = session;
    this.analysis = analysis;
    this.commands = new Commands(session, analysis);
  }

  /** Stops the running step and the rest of the cell. */
  void interrupt() {
    interrupted.set(true);
    session.stop();
  }

  Outcome run(String code, String cellId, CellOutput out) {
    interrupted.set(false);
    rewind(cellId, out);
    EventRenderer renderer = new EventRenderer(out);
    session.addListener(renderer);
    try {
      return runParts(split(code), renderer, out);
    } finally {
      session.removeListener(renderer);
    }
  }

  private Outcome runParts(List<Part> parts, EventRenderer renderer, CellOutput out) {
    List<Map<String, Object>> pages = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (interrupted.get()) {
        return new Outcome(
            Optional.of(Traceback.command("", "interrupted before the rest of the cell ran")),
            pages,
            Optional.empty());
      }
      Part part = parts.get(i);
      if (!part.command()) {
        session.apply(analysis.analyzeCompleteness(part.text()).source());
        if (renderer.error().isPresent()) {
          return new Outcome(renderer.error(), pages, Optional.empty());
        }
        continue;
      }
      CommandResult result = commands.run(part.text());
      if (result.error().isPresent()) {
        return new Outcome(result.error(), pages, Optional.empty());
      }
      if (result.value().isPresent()) {
        if (result.page()) {
          pages.add(Map.of("source", "page", "data", result.value().get(), "start", 0));
        } else if (i == parts.size() - 1) {
          return new Outcome(Optional.empty(), pages, result.value());
        } else {
          out.display(result.value().get());
        }
      }
    }
    return new Outcome(Optional.empty(), pages, Optional.empty());
  }

  /** For a cell run before: goes back to the step its first run started from. */
  private void rewind(String cellId, CellOutput out) {
    if (cellId.isEmpty()) {
      return;
    }
    int live = liveSteps();
    Integer parent = cellParents.get(cellId);
    if (parent == null || parent > session.steps().size()) {
      cellParents.put(cellId, live);
      return;
    }
    if (parent != live) {
      session.goTo(parent);
      out.stream(
          "stdout",
          "Re-running this cell on step "
              + parent
              + ": it replaces its earlier steps"
              + (live > parent ? " (steps " + (parent + 1) + " to " + live + " were undone)" : "")
              + ".\n");
    }
  }

  private int liveSteps() {
    int live = 0;
    for (StepInfo step : session.steps()) {
      if (step.live()) {
        live++;
      }
    }
    return live;
  }

  /**
   * Splits a cell into instruction runs and {@code %} lines. A line starting with {@code %} is a
   * command only where the instructions before it are not waiting for more lines (a continuation, a
   * heredoc body, an open JSON array); the engine's analysis decides that.
   */
  List<Part> split(String code) {
    List<Part> parts = new ArrayList<>();
    StringBuilder instructions = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      boolean command =
          line.strip().startsWith("%")
              && analysis.analyzeCompleteness(instructions.toString()).status()
                  != Completeness.Status.INCOMPLETE;
      if (command) {
        flush(instructions, parts);
        parts.add(new Part(true, line.strip()));
      } else {
        instructions.append(line).append('\n');
      }
    }
    flush(instructions, parts);
    return parts;
  }

  private static void flush(StringBuilder instructions, List<Part> parts) {
    if (!instructions.toString().isBlank()) {
      parts.add(new Part(false, instructions.toString()));
    }
    instructions.setLength(0);
  }
}
