package org.iechorfile.engine.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.iechorfile.engine.session.Trials;
import org.iechorfile.engine.spi.SandboxException;
import org.iechorfile.engine.spi.SandboxResult;

/**
 * {@code %shell [--failed]}: an interactive shell in the current image (or on the files of the step
 * that just failed) on this process's terminal; nothing it changes is kept. Only where the process
 * has a terminal (the REPL).
 *
 * @param line the command line as typed
 * @param failed whether to open it on the failed step's files
 */
public record ShellCommand(String line, boolean failed) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(
        0, () -> new ShellCommand(invocation.line(), invocation.options().containsKey("--failed")));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    Optional<Trials> trials = target.tools().trials();
    if (trials.isEmpty()) {
      return Trying.unavailable(line, "%shell");
    }
    if (System.console() == null) {
      return CommandResult.rejected(
          line, "%shell needs a terminal; use %sh CMD to run one command instead");
    }
    if (!target.session().current().inStage()) {
      return CommandResult.rejected(line, "%shell needs an image: start one with FROM");
    }
    Optional<Path> extra = Optional.empty();
    if (failed) {
      extra = target.session().failedLayer();
      if (extra.isEmpty()) {
        return CommandResult.rejected(
            line, "%shell --failed: no step has failed since the last one applied");
      }
    }
    try {
      SandboxResult result = trials.get().shell(target.session(), extra);
      return new CommandResult.Message(
          "shell exited with status " + result.exitCode() + "; nothing it changed was kept");
    } catch (SandboxException | IOException e) {
      return CommandResult.rejected(line, "%shell could not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.rejected(line, "%shell was interrupted");
    }
  }
}
