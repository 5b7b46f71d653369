package org.iechorfile.engine.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;

/**
 * A {@code %} command line as {@link CommandParser#parse} reads it: the command, or what is wrong
 * with the line.
 *
 * @param line the command line as typed
 * @param command the command; empty when the line is wrong
 * @param diagnostics the errors, with spans into {@code line}; empty when the command is present
 */
public record ParsedCommand(String line, Optional<Command> command, List<Diagnostic> diagnostics) {

  public ParsedCommand {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(command, "command");
    diagnostics = List.copyOf(diagnostics);
    if (command.isPresent() == !diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a command line has either a command or diagnostics");
    }
  }

  /** A line that reads as {@code command}. */
  public static ParsedCommand of(String line, Command command) {
    return new ParsedCommand(line, Optional.of(command), List.of());
  }

  /** A line that is wrong. */
  public static ParsedCommand rejected(String line, List<Diagnostic> diagnostics) {
    return new ParsedCommand(line, Optional.empty(), diagnostics);
  }

  /**
   * Runs the command, or returns the rejection when the line was wrong.
   *
   * @param target the session and its surroundings
   */
  public CommandResult execute(CommandTarget target) {
    return command.isPresent()
        ? command.get().execute(target)
        : new CommandResult.Rejected(line, diagnostics);
  }
}
