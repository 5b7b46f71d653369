package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.inspect.DiskUsage;
import org.iechorfile.engine.inspect.ImageInspector;

/**
 * {@code %du [PATH] [--step N]}: the space a directory's entries take, largest first.
 *
 * @param line the command line as typed
 * @param path the directory (empty: the image root)
 * @param step the step to look at; empty for the current one
 */
public record DuCommand(String line, String path, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return Looking.withStep(
        invocation,
        1,
        step -> new DuCommand(invocation.line(), invocation.argument().orElse("/"), step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.du(step, path), DuCommand::render);
  }

  private static CommandResult render(DiskUsage usage) {
    List<List<String>> rows = new ArrayList<>();
    for (DiskUsage.Item item : usage.entries()) {
      rows.add(List.of(ByteSizes.format(item.bytes()), item.path()));
    }
    rows.add(List.of(ByteSizes.format(usage.bytes()), usage.path() + " (total)"));
    return new CommandResult.Table(List.of("SIZE", "PATH"), rows);
  }
}
