package org.iechorfile.engine.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code %load FILE}: applies an iEchorfile step by step, as if typed, stopping at the first step
 * that fails or is rejected. {@code %} lines in the file run too.
 *
 * @param file the file as typed
 */
public record LoadCommand(String file) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.argument().isEmpty()) {
      return invocation.reject(-1, "%load needs a file, such as %load iEchorfile");
    }
    return invocation.atMost(1, () -> new LoadCommand(invocation.argument().get()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Path path = target.resolve(file);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return CommandResult.rejected(
          "%load " + file,
          "cannot read "
              + path
              + " ("
              + (Files.exists(path) ? e.getMessage() : "no such file")
              + "); check the path");
    }
    ScriptOutcome outcome =
        new ScriptRunner(CommandParser.standard()).run(text, target, ScriptObserver.silent());
    String summary =
        outcome.succeeded()
            ? "loaded " + path + ": " + outcome.ran() + " instructions and commands applied"
            : "stopped loading "
                + path
                + " at line "
                + outcome.failed().get().line()
                + " ("
                + outcome.ran()
                + " of "
                + outcome.segments()
                + " run); fix it and type the rest, or %load again";
    return new CommandResult.Events(outcome.events(), summary);
  }
}
