package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.session.ImageState;

/**
 * {@code %env [--step N]}: the environment (ENV) and the build arguments (ARG) in effect.
 *
 * @param line the command line as typed
 * @param step the step to look at; empty for the current one
 */
public record EnvCommand(String line, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return Looking.withStep(invocation, 0, s -> new EnvCommand(invocation.line(), s));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.state(step), EnvCommand::render);
  }

  private static CommandResult render(ImageState state) {
    List<List<String>> rows = new ArrayList<>();
    for (String entry : state.config().env()) {
      int eq = entry.indexOf('=');
      rows.add(
          List.of(
              eq < 0 ? entry : entry.substring(0, eq),
              eq < 0 ? "" : entry.substring(eq + 1),
              "ENV"));
    }
    state.args().forEach((name, value) -> rows.add(List.of(name, value, "ARG")));
    if (rows.isEmpty()) {
      return new CommandResult.Message("no environment variables or build arguments are set");
    }
    return new CommandResult.Table(List.of("NAME", "VALUE", "FROM"), rows);
  }
}
