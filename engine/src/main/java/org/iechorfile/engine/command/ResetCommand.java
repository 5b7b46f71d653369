package org.iechorfile.engine.command;

/** {@code %reset}: undoes every step; they stay redoable. */
public record ResetCommand() implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(0, () -> new ResetCommand());
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    return StepCounts.moved(target.session(), target.session().reset(), "undo");
  }
}
