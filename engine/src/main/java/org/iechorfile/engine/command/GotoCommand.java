package org.iechorfile.engine.command;

/**
 * {@code %goto STEP}: makes step {@code number} the last live step, undoing or redoing as needed; 0
 * goes back before the first step.
 *
 * @param number the step, 0 or more
 */
public record GotoCommand(int number) implements Command {

  public GotoCommand {
    if (number < 0) {
      throw new IllegalArgumentException("step numbers are not negative: " + number);
    }
  }

  static ParsedCommand parse(Invocation invocation) {
    if (invocation.argument().isEmpty()) {
      return invocation.reject(-1, "%goto needs a step number; see them with %steps");
    }
    return invocation
        .atMost(1)
        .orElseGet(
            () ->
                StepCounts.number(invocation.argument().get())
                    .map(n -> ParsedCommand.of(invocation.line(), new GotoCommand(n)))
                    .orElseGet(
                        () ->
                            invocation.reject(
                                0,
                                "%goto takes a step number such as 3, not "
                                    + invocation.argument().get())));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    int steps = target.session().steps().size();
    if (number > steps) {
      String range = steps == 0 ? "there are no steps yet" : "steps go from 0 to " + steps;
      return CommandResult.rejected(
          "%goto " + number, "no step " + number + "; " + range + " (see %steps)");
    }
    long live = target.session().steps().stream().filter(s -> s.live()).count();
    String verb = number < live ? "undo" : "redo";
    return StepCounts.moved(target.session(), target.session().goTo(number), verb);
  }
}
