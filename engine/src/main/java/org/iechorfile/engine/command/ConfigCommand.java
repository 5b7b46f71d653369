package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.iechorfile.engine.ConfigChange;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.inspect.ImageInspector;
import org.iechorfile.engine.session.ConfigDiff;

/**
 * {@code %config [--step N]}: the image's runtime config, field by field (only those set).
 *
 * @param line the command line as typed
 * @param step the step to look at; empty for the current one
 */
public record ConfigCommand(String line, OptionalInt step) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return Looking.withStep(invocation, 0, s -> new ConfigCommand(invocation.line(), s));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    ImageInspector inspector = new ImageInspector(target.session());
    return Looking.answer(line, () -> inspector.config(step), ConfigCommand::render);
  }

  private static CommandResult render(RuntimeConfig config) {
    List<List<String>> rows = new ArrayList<>();
    // Every field set is a difference from the empty config, in the config's own order.
    for (ConfigChange field : ConfigDiff.between(RuntimeConfig.EMPTY, config)) {
      rows.add(List.of(field.field(), field.after()));
    }
    if (rows.isEmpty()) {
      return new CommandResult.Message("nothing is configured yet");
    }
    return new CommandResult.Table(List.of("FIELD", "VALUE"), rows);
  }
}
