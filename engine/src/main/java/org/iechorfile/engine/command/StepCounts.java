package org.iechorfile.engine.command;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.iechorfile.engine.SessionEvent;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepUndone;
import org.iechorfile.engine.session.Session;

/** Reading step counts and numbers from command arguments, and summing up step moves. */
final class StepCounts {

  private StepCounts() {}

  /** The positive count in the first argument, 1 when absent, or empty when it is no count. */
  static Optional<Integer> count(Invocation invocation) {
    if (invocation.argument().isEmpty()) {
      return Optional.of(1);
    }
    return number(invocation.argument().get()).filter(n -> n >= 1);
  }

  /**
   * Parses {@code %undo [N]} or {@code %redo [N]}: at most one argument, a count of 1 or more (1
   * when absent), made into a command by {@code command}.
   */
  static ParsedCommand parseCount(
      Invocation invocation, String name, IntFunction<Command> command) {
    return invocation
        .atMost(1)
        .orElseGet(
            () ->
                count(invocation)
                    .map(n -> ParsedCommand.of(invocation.line(), command.apply(n)))
                    .orElseGet(
                        () ->
                            invocation.reject(
                                0,
                                "%"
                                    + name
                                    + " takes a number of steps (1 or more), not "
                                    + invocation.argument().orElse(""))));
  }

  /** {@code text} as a non-negative step number ({@code 3} or {@code #3}). */
  static Optional<Integer> number(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }

  /**
   * The result of a move: the events, and where the session is now. Steps moved over are counted by
   * their {@code StepUndone} and {@code StepRedone} events; a pending step redone also brings the
   * events of applying it again.
   */
  static CommandResult moved(Session session, List<SessionEvent> events, String verb) {
    long live = session.steps().stream().filter(s -> s.live()).count();
    String where = live == 0 ? "now before the first step" : "now at step " + live;
    long moved =
        events.stream().filter(e -> e instanceof StepUndone || e instanceof StepRedone).count();
    String summary =
        moved == 0 && events.isEmpty()
            ? "nothing to " + verb + "; " + where
            : verb
                + (verb.endsWith("o") ? "ne " : " ")
                + moved
                + (moved == 1 ? " step; " : " steps; ")
                + where;
    return new CommandResult.Events(events, summary);
  }
}
