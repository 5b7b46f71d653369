package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.session.StepInfo;

/**
 * {@code %steps}: the session's steps as a table, live ones first, then the redoable ones: undone
 * steps (redo reuses their result) and pending ones (redo applies their instruction again, as after
 * a notebook cell was run again on an earlier step).
 */
public record StepsCommand() implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation
        .atMost(0)
        .orElseGet(() -> ParsedCommand.of(invocation.line(), new StepsCommand()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    List<StepInfo> steps = target.session().steps();
    if (steps.isEmpty()) {
      return new CommandResult.Message("no steps yet; type an instruction such as FROM busybox");
    }
    List<List<String>> rows = new ArrayList<>();
    for (StepInfo step : steps) {
      rows.add(
          List.of(
              Integer.toString(step.id().number()),
              step.live() ? "live" : step.pending() ? "pending" : "undone",
              step.stage(),
              firstLine(step.source()),
              time(step),
              step.layerBytes() > 0 ? ByteSizes.format(step.layerBytes()) : ""));
    }
    return new CommandResult.Table(
        List.of("STEP", "STATE", "STAGE", "INSTRUCTION", "TIME", "SIZE"), rows);
  }

  private static String time(StepInfo step) {
    if (step.pending()) {
      return "";
    }
    return step.cached() ? "cached" : Durations.format(step.duration());
  }

  private static String firstLine(String source) {
    String stripped = source.strip();
    int feed = stripped.indexOf('\n');
    return feed < 0 ? stripped : stripped.substring(0, feed) + " ...";
  }
}
