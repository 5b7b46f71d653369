package org.iechorfile.engine.command;

/**
 * {@code %undo [N]}: steps back over the last {@code count} live steps (fewer when there are
 * fewer).
 *
 * @param count how many steps, at least 1
 */
public record UndoCommand(int count) implements Command {

  public UndoCommand {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
  }

  static ParsedCommand parse(Invocation invocation) {
    return StepCounts.parseCount(invocation, "undo", UndoCommand::new);
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    return StepCounts.moved(target.session(), target.session().undo(count), "undo");
  }
}
