package org.iechorfile.engine.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code %export [FILE]}: the live steps as an iEchorfile, shown or written to a file.
 *
 * @param line the command line as typed
 * @param file where to write it; empty to show it
 */
public record ExportCommand(String line, Optional<String> file) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(1, () -> new ExportCommand(invocation.line(), invocation.argument()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    String transcript = target.session().transcript();
    long steps = target.session().steps().stream().filter(s -> s.live()).count();
    if (file.isEmpty()) {
      return new CommandResult.Message(
          transcript.isEmpty() ? "no live steps to export yet" : transcript.stripTrailing());
    }
    Path path = target.resolve(file.get());
    try {
      Path parent = path.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, transcript, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return CommandResult.rejected(
          line, "cannot write " + path + ": " + e.getMessage() + "; check the directory exists");
    }
    return new CommandResult.Message(
        "wrote " + steps + " step" + (steps == 1 ? "" : "s") + " to " + path);
  }
}
