package org.iechorfile.engine.command;

import java.util.Optional;
import org.iechorfile.engine.session.Trials;

/**
 * {@code %stop}: ends the command started with {@code %run -d}.
 *
 * @param line the command line as typed
 */
public record StopCommand(String line) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(0, () -> new StopCommand(invocation.line()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<Trials> trials = target.tools().trials();
    if (trials.isEmpty()) {
      return Trying.unavailable(line, "%stop");
    }
    try {
      return new CommandResult.Message(
          trials.get().stop() ? "stopped" : "nothing is running; start the image with %run -d");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%stop was interrupted");
    }
  }
}
