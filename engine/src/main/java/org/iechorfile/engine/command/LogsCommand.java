package org.iechorfile.engine.command;

/**
 * {@code %logs}: the output of the command started with {@code %run -d}.
 *
 * @param line the command line as typed
 */
public record LogsCommand(String line) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation.atMost(0, () -> new LogsCommand(invocation.line()));
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    return target
        .tools()
        .trials()
        .<CommandResult>map(
            trials -> {
              String logs = trials.logs();
              return new CommandResult.Message(
                  logs.isEmpty()
                      ? (trials.running()
                          ? "no output yet"
                          : "nothing has been started; start the image with %run -d")
                      : logs.stripTrailing());
            })
        .orElseGet(() -> Trying.unavailable(line, "%logs"));
  }
}
