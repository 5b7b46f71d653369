package org.iechorfile.engine.command;

/** Builds a typed {@link Command} from an {@link Invocation}, or rejects the invocation. */
@FunctionalInterface
public interface CommandFactory {

  /**
   * The command for {@code invocation}.
   *
   * @return the command, or the diagnostics when the arguments are wrong
   */
  ParsedCommand create(Invocation invocation);
}
