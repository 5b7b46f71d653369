package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.session.Trials;

/**
 * {@code %run [-d]}: starts the image's ENTRYPOINT and CMD with the host's network; with {@code -d}
 * it keeps running in the background ({@code %logs}, {@code %stop}), otherwise this waits for it
 * and shows its output.
 *
 * @param line the command line as typed
 * @param detached whether to leave it running in the background
 */
public record RunCommand(String line, boolean detached) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(
        0, () -> new RunCommand(invocation.line(), invocation.options().containsKey("-d")));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<Trials> trials = target.tools().trials();
    if (trials.isEmpty()) {
      return Trying.unavailable(line, "%run");
    }
    Optional<String> problem;
    try {
      problem = trials.get().start(target.session());
      if (problem.isPresent()) {
        return CommandResult.rejected(line, problem.get());
      }
      if (detached) {
        return new CommandResult.Message(
            "running in the background; see its output with %logs, end it with %stop");
      }
      while (trials.get().running()) {
        Thread.sleep(20);
      }
    } catch (IOException e) {
      return CommandResult.rejected(line, "%run could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      trials.get().close();
      return CommandResult.rejected(line, "%run was interrupted; the command was stopped");
    }
    return new CommandResult.Message(trials.get().logs().stripTrailing());
  }
}
