package org.iechorfile.engine.command;

/**
 * A parsed {@code %} command, ready to run against a session. Each command is its own record; the
 * {@link CommandRegistry} says which factory builds which command.
 */
public interface Command {

  /**
   * Runs the command. State-changing commands deliver their session events to the session's
   * listeners as well as returning them.
   *
   * @param target the session and its surroundings
   * @return what the command produced; {@link CommandResult.Rejected} when it could not be done as
   *     asked (nothing changed then)
   */
  CommandResult execute(CommandTarget target);
}
