package org.iechorfile.engine.command;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.iechorfile.engine.inspect.Answer;

/** What the look commands share: the {@code --step N} option and answers turned into results. */
final class Looking {

  private Looking() {}

  /** The step of {@code --step N}, empty for the current step; a rejection when N is no number. */
  static Optional<OptionalInt> step(Invocation invocation) {
    String value = invocation.options().get("--step");
    if (value == null) {
      return Optional.of(OptionalInt.empty());
    }
    try {
      int step = Integer.parseInt(value);
      return step >= 0 ? Optional.of(OptionalInt.of(step)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * A look command with the step of {@code --step N}, built by {@code command}; the rejection of
   * {@link #badStep} when N is no step number.
   */
  static ParsedCommand withStep(Invocation invocation, Function<OptionalInt, Command> command) {
    return step(invocation)
        .map(step -> ParsedCommand.of(invocation.line(), command.apply(step)))
        .orElseGet(() -> badStep(invocation));
  }

  /**
   * Like {@link #withStep(Invocation, Function)} for a look command that takes at most {@code
   * maxArguments} arguments; more are rejected.
   */
  static ParsedCommand withStep(
      Invocation invocation, int maxArguments, Function<OptionalInt, Command> command) {
    return invocation.atMost(maxArguments).orElseGet(() -> withStep(invocation, command));
  }

  /** The rejection of a {@code --step} value that is not a step number. */
  static ParsedCommand badStep(Invocation invocation) {
    return ParsedCommand.rejected(
        invocation.line(),
        java.util.List.of(
            org.iechorfile.engine.Diagnostic.error(
                invocation.spec().spelled()
                    + ": --step takes a step number as %steps shows it, not "
                    + invocation.options().get("--step"),
                org.iechorfile.engine.SourceSpan.of(
                    1, 1, Math.max(1, invocation.line().length())))));
  }

  /** Something that looks at the image and may fail to read the store. */
  interface Look<T> {
    Answer<T> at() throws IOException;
  }

  /** Renders what {@code look} answers, or rejects {@code line} with the answer's problem. */
  static <T> CommandResult answer(String line, Look<T> look, Function<T, CommandResult> render) {
    Answer<T> answer;
    try {
      answer = look.at();
    } catch (IOException e) {
      return CommandResult.rejected(
          line, "the image's files could not be read: " + e.getMessage() + "; check the store");
    }
    return answer.found()
        ? render.apply(answer.get())
        : CommandResult.rejected(line, answer.problem());
  }
}
