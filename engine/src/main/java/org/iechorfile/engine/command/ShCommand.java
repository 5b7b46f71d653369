package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.session.Trials;
import org.iechorfile.engine.spi.Cancellation;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * {@code %sh CMD}: runs a shell command in the current image; nothing it changes is kept.
 *
 * @param line the command line as typed
 * @param command the shell command
 */
public record ShCommand(String line, String command) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.rest().isBlank()) {
      return invocation.reject(-1, "%sh takes a command to run, e.g. %sh ls -l /");
    }
    return ParsedCommand.of(invocation.line(), new ShCommand(invocation.line(), invocation.rest()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<Trials> trials = target.tools().trials();
    if (trials.isEmpty()) {
      return Trying.unavailable(line, "%sh");
    }
    if (!target.session().current().inStage()) {
      return CommandResult.rejected(line, "%sh needs an image: start one with FROM");
    }
    Trying output = new Trying();
    SandboxResult result;
    try {
      result =
          trials.get().sh(target.session(), command, Optional.empty(), output, new Cancellation());
    } catch (SandboxException | IOException e) {
      return CommandResult.rejected(line, "%sh could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%sh was interrupted");
    }
    String text = output.text().stripTrailing();
    if (result.exitCode() != 0) {
      text += (text.isEmpty() ? "" : "\n") + "[exit status " + result.exitCode() + "]";
    }
    return new CommandResult.Message(text);
  }
}
