package org.iechorfile.engine.command;

/**
 * {@code %cache on|off|clear}: turns the build cache on or off for later steps, or forgets every
 * cache record of the store; with no argument, says whether it is on.
 *
 * @param choice {@code on}, {@code off}, {@code clear}, or empty to ask
 */
public record CacheCommand(String choice) implements Command {

  public CacheCommand {
    if (!choice.isEmpty()
        && !choice.equals("on")
        && !choice.equals("off")
        && !choice.equals("clear")) {
      throw new IllegalArgumentException("not a cache choice: " + choice);
    }
  }

  static ParsedCommand parse(Invocation invocation) {
    return invocation
        .atMost(1)
        .orElseGet(
            () -> {
              String choice = invocation.argument().orElse("");
              if (!choice.isEmpty() && !invocation.spec().choices().contains(choice)) {
                return invocation.reject(
                    0,
                    "%cache takes on, off or clear, not "
                        + choice
                        + "; with no argument it says whether the cache is on");
              }
              return ParsedCommand.of(invocation.line(), new CacheCommand(choice));
            });
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    switch (choice) {
      case "on" -> target.session().setCacheEnabled(true);
      case "off" -> target.session().setCacheEnabled(false);
      case "clear" -> {
        target.session().clearCache();
        return new CommandResult.Message("build cache cleared");
      }
      default -> {
        // Only asking.
      }
    }
    return new CommandResult.Message(
        "build cache " + (target.session().cacheEnabled() ? "on" : "off"));
  }
}
