package org.iechorfile.engine.command;

/**
 * {@code %help [TOPIC]}: the documentation of an instruction, a flag or a {@code %} command; with
 * no topic, the overview of all of them.
 *
 * @param topic the topic as typed; empty for the overview
 */
public record HelpCommand(String topic) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return ParsedCommand.of(invocation.line(), new HelpCommand(invocation.rest()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    return target
        .analysis()
        .help(topic)
        .<CommandResult>map(CommandResult.Help::new)
        .orElseGet(
            () ->
                CommandResult.rejected(
                    "%help " + topic,
                    "no help on "
                        + topic
                        + "; try an instruction (%help RUN), a flag (%help COPY --chown) or a"
                        + " command (%help %undo), or %help alone for the list"));
  }
}
