package org.iechorfile.engine.command;

/**
 * {@code %redo [N]}: re-applies the next {@code count} undone steps (fewer when there are fewer).
 *
 * @param count how many steps, at least 1
 */
public record RedoCommand(int count) implements Command {

  public RedoCommand {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
  }

  static ParsedCommand parse(Invocation invocation) {
    return StepCounts.parseCount(invocation, "redo", RedoCommand::new);
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    return StepCounts.moved(target.session(), target.session().redo(count), "redo");
  }
}
