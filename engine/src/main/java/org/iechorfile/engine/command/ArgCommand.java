package org.iechorfile.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %arg NAME=VALUE}: sets a build argument that later ARG steps use, as {@code --build-arg}
 * does; with no argument, lists the build arguments.
 *
 * @param name the argument's name; empty to list them
 * @param value its value
 */
public record ArgCommand(String name, String value) implements Command {

  static ParsedCommand parse(Invocation invocation) {
    return invocation
        .atMost(1)
        .orElseGet(
            () -> {
              if (invocation.argument().isEmpty()) {
                return ParsedCommand.of(invocation.line(), new ArgCommand("", ""));
              }
              String assignment = invocation.argument().get();
              int eq = assignment.indexOf('=');
              if (eq <= 0 || !assignment.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return invocation.reject(
                    0, "%arg takes NAME=VALUE, such as %arg VERSION=1.2; got " + assignment);
              }
              return ParsedCommand.of(
                  invocation.line(),
                  new ArgCommand(assignment.substring(0, eq), assignment.substring(eq + 1)));
            });
  }

  @Override
  public CommandResult execute(CommandTarget target) {
    if (name.isEmpty()) {
      Map<String, String> args = target.session().buildArgs();
      if (args.isEmpty()) {
        return new CommandResult.Message("no build arguments; set one with %arg NAME=VALUE");
      }
      List<List<String>> rows = new ArrayList<>();
      args.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> rows.add(List.of(e.getKey(), e.getValue())));
      return new CommandResult.Table(List.of("NAME", "VALUE"), rows);
    }
    target.session().setBuildArg(name, value);
    return new CommandResult.Message(
        "build argument " + name + "=" + value + " set; later ARG " + name + " steps use it");
  }
}
