package org.iechorfile.engine.command;

import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.inspect.ImageInspector;

/**
 * {@code %find GLOB [--step N]}: the paths of the image that match a glob.
 *
 * @param line the command line as typed
 * @param glob the pattern
 * @param step the step to look at; empty for the current one
 */
public record FindCommand(String line, String glob, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.arguments().size() != 1) {
      return invocation.reject(-1, "%find takes one glob; usage: " + invocation.spec().synopsis());
    }
    return Looking.withStep(
        invocation,
        step -> new FindCommand(invocation.line(), invocation.arguments().get(0), step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.find(step, glob), FindCommand::render);
  }

  private static CommandResult render(List<FileEntry> found) {
    if (found.isEmpty()) {
      return new CommandResult.Message("no path matches");
    }
    return new CommandResult.Message(
        String.join("\n", found.stream().map(FileEntry::path).toList()));
  }
}
