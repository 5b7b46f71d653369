package org.iechorfile.engine.command;

import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ByteSizes;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.inspect.TreeLine;

/**
 * {@code %tree [PATH] [-L N] [--step N]}: a directory of the image as a tree.
 *
 * @param line the command line as typed
 * @param path the directory (empty: the WORKDIR)
 * @param depth how many levels below it to show
 * @param step the step to look at; empty for the current one
 */
public record TreeCommand(String line, String path, int depth, OptionalInt step)
    implements Command {

  /** How deep a tree goes without {@code -L}. */
  static final int DEFAULT_DEPTH = 3;

  static ParsedCommand parse(Invocation invocation) {
    int depth = DEFAULT_DEPTH;
    String level = invocation.options().get("-L");
    if (level != null) {
      try {
        depth = Integer.parseInt(level);
      } catch (NumberFormatException e) {
        depth = -1;
      }
      if (depth < 1) {
        return invocation.reject(
            -1, "%tree: -L takes a number of levels (1 or more), not " + level);
      }
    }
    int levels = depth;
    return Looking.withStep(
        invocation,
        1,
        step -> new TreeCommand(invocation.line(), invocation.argument().orElse(""), levels, step));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.tree(step, path, depth), TreeCommand::render);
  }

  private static CommandResult render(List<TreeLine> lines) {
    StringBuilder text = new StringBuilder();
    for (TreeLine line : lines) {
      if (line.depth() == 0) {
        text.append(line.entry().path());
      } else {
        text.append("  ".repeat(line.depth() - 1)).append("├─ ").append(line.entry().name());
      }
      if (line.entry().isDirectory() && line.depth() > 0) {
        text.append('/');
      } else if (line.entry().isFile()) {
        text.append("  ").append(ByteSizes.format(line.entry().size()));
      } else if (!line.entry().linkTarget().isEmpty()) {
        text.append(" -> ").append(line.entry().linkTarget());
      }
      text.append('\n');
    }
    return new CommandResult.Message(text.toString().stripTrailing());
  }
}
