package org.iechorfile.engine.instruction;

import java.util.List;

/**
 * A command as RUN, CMD, ENTRYPOINT and HEALTHCHECK take it: exec form (a JSON array, run without a
 * shell) or shell form (one string, run as {@code SHELL + [string]}).
 *
 * @param exec whether it was written as a JSON array
 * @param args the array elements in exec form; in shell form zero or one element, the command text
 */
public record CommandForm(boolean exec, List<String> args) {

  public CommandForm {
    args = List.copyOf(args);
    if (!exec && args.size() > 1) {
      throw new IllegalArgumentException("a shell-form command is one string: " + args);
    }
  }

  /** A shell-form command; an empty {@code text} gives an empty command. */
  public static CommandForm shell(String text) {
    return new CommandForm(false, text.isEmpty() ? List.of() : List.of(text));
  }

  /** An exec-form command. */
  public static CommandForm exec(List<String> args) {
    return new CommandForm(true, args);
  }

  /** The shell-form text, or the exec-form elements joined by spaces. */
  public String text() {
    return String.join(" ", args);
  }

  /** Whether there is no command at all ({@code CMD []}). */
  public boolean isEmpty() {
    return args.isEmpty();
  }
}
