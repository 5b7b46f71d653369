package org.iechorfile.kernel.handlers;

import org.iechorfile.engine.command.CommandResult;
import org.iechorfile.engine.command.Invocation;
import org.iechorfile.engine.command.ParsedCommand;

/** {@code %shell} in a notebook: an interactive shell needs a terminal, so it says where to go. */
final class TerminalOnly {

  private TerminalOnly() {}

  static ParsedCommand parse(Invocation invocation) {
    return ParsedCommand.of(
        invocation.line(),
        target ->
            CommandResult.rejected(
                invocation.line(),
                "%shell needs a terminal; in a notebook run commands with RUN, or open the"
                    + " session's shell from ./iechorfile repl"));
  }
}
