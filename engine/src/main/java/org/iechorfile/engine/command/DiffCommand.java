package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.fs.Change;
import org.iechorfile.engine.fs.FileType;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.inspect.StepDiff;

/**
 * {@code %diff [A [B]] [--failed]}: files added, changed and removed, and the config delta, between
 * two steps (by default the last step against its parent), or what the failed step wrote.
 *
 * @param line the command line as typed
 * @param from the first step; empty for the default
 * @param to the second step; empty to compare {@code from} with its parent
 * @param failed whether to show the failed step's files instead
 */
public record DiffCommand(String line, OptionalInt from, OptionalInt to, boolean failed)
    implements Command {

  static ParsedCommand parse(Invocation invocation) {
    List<Integer> steps = new ArrayList<>();
    for (int i = 0; i < invocation.arguments().size(); i++) {
      try {
        steps.add(Integer.parseInt(invocation.arguments().get(i)));
      } catch (NumberFormatException e) {
        return invocation.reject(
            i,
            "%diff takes step numbers as %steps shows them, not " + invocation.arguments().get(i));
      }
    }
    boolean failed = invocation.options().containsKey("--failed");
    if (failed && !steps.isEmpty()) {
      return invocation.reject(0, "%diff --failed takes no step: it shows the step that failed");
    }
    return invocation.atMost(
        2,
        () ->
            new DiffCommand(
                invocation.line(),
                steps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(steps.get(0)),
                steps.size() < 2 ? OptionalInt.empty() : OptionalInt.of(steps.get(1)),
                failed));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(
        line,
        () -> failed ? inspector.diffFailed() : inspector.diff(from, to),
        DiffCommand::render);
  }

  private static String size(Change change, long bytes) {
    return change.type() == FileType.FILE ? ByteSizes.format(bytes) : "";
  }

  static CommandResult render(StepDiff diff) {
    if (diff.files().isEmpty() && diff.config().isEmpty()) {
      return new CommandResult.Message(
          "no difference between step " + diff.from() + " and step " + diff.to());
    }
    List<List<String>> rows = new ArrayList<>();
    for (Change change : diff.files().changes()) {
      rows.add(
          List.of(
              String.valueOf(change.letter()),
              change.path(),
              change.kind() == Change.Kind.ADDED ? "" : size(change, change.bytesBefore()),
              change.kind() == Change.Kind.REMOVED ? "" : size(change, change.bytesAfter())));
    }
    for (ConfigChange change : diff.config()) {
      rows.add(List.of("config", change.field(), change.before(), change.after()));
    }
    return new CommandResult.Table(List.of("CHANGE", "PATH", "BEFORE", "AFTER"), rows);
  }
}
