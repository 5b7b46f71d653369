package org.iechorfile.engine.command;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code %context DIR}: sets the build context that COPY, ADD and bind mounts read from; with no
 * argument, says which it is.
 *
 * @param directory the directory as typed; empty to ask
 */
public record ContextCommand(String directory) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(1, () -> new ContextCommand(invocation.argument().orElse("")));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    if (directory.isEmpty()) {
      return new CommandResult.Message(
          target
              .session()
              .context()
              .map(p -> "build context: " + p)
              .orElse("no build context; set one with %context DIR"));
    }
    Path path = target.resolve(directory);
    if (!Files.isDirectory(path)) {
      return CommandResult.rejected(
          "%context " + directory, "no directory " + path + "; give an existing directory");
    }
    target.session().setContext(path);
    return new CommandResult.Message("build context: " + path);
  }
}
