package org.iechorfile.engine.command;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.command.catalogue.CommandSpec;

/**
 * A {@code %} command line split into its parts, checked against the command's {@link CommandSpec}:
 * what a {@link CommandFactory} turns into a typed {@link Command}.
 *
 * @param spec the command
 * @param line the command line as typed
 * @param arguments the positional words, unquoted
 * @param argumentSpans where each positional word is in {@code line}
 * @param options the options given, by name as typed ({@code -L}), with their values (empty for
 *     options that take none)
 * @param rest the text after the command name, verbatim and stripped (for commands that take a
 *     command line)
 */
public record Invocation(
    CommandSpec spec,
    String line,
    List<String> arguments,
    List<SourceSpan> argumentSpans,
    Map<String, String> options,
    String rest) {

  public Invocation {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(line, "line");
    arguments = List.copyOf(arguments);
    argumentSpans = List.copyOf(argumentSpans);
    options = Map.copyOf(options);
    Objects.requireNonNull(rest, "rest");
    if (arguments.size() != argumentSpans.size()) {
      throw new IllegalArgumentException("one span per argument");
    }
  }

  /** The first positional word, if any. */
  public Optional<String> argument() {
    return arguments.isEmpty() ? Optional.empty() : Optional.of(arguments.get(0));
  }

  /** A rejection of this line with one error at positional word {@code index} (or the name). */
  public ParsedCommand reject(int index, String message) {
    SourceSpan span =
        index >= 0 && index < argumentSpans.size()
            ? argumentSpans.get(index)
            : SourceSpan.of(1, 1, Math.max(1, spec.spelled().length()));
    return ParsedCommand.rejected(line, List.of(Diagnostic.error(message, span)));
  }

  /**
   * The command {@code command} supplies, for this line; the rejection of {@link #atMost(int)}
   * instead when more than {@code max} positional words were given.
   */
  public ParsedCommand atMost(int max, Supplier<? extends Command> command) {
    return atMost(max).orElseGet(() -> ParsedCommand.of(line, command.get()));
  }

  /** A rejection unless at most {@code max} positional words were given. */
  public Optional<ParsedCommand> atMost(int max) {
    if (arguments.size() <= max) {
      return Optional.empty();
    }
    return Optional.of(
        reject(
            max,
            spec.spelled()
                + " takes "
                + (max == 0 ? "no argument" : "at most " + max + " argument" + (max > 1 ? "s" : ""))
                + "; usage: "
                + spec.synopsis()));
  }
}
