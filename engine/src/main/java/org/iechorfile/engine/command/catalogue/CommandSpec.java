package org.iechorfile.engine.command.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code %} command of the command language shared by the REPL and the kernel: its synopsis,
 * what it takes and what it does.
 *
 * @param name the command's name without the percent sign ({@code undo})
 * @param area the group it belongs to in the help table ({@code steps}, {@code look}, {@code try},
 *     {@code export}, {@code session})
 * @param synopsis how it is typed, with optional parts in brackets ({@code %undo [N]})
 * @param summary one sentence saying what it does
 * @param explanation a short paragraph with the details a user needs
 * @param example a typical use, as typed
 * @param argument what its positional argument is
 * @param choices the accepted words when {@code argument} is {@link ArgumentKind#CHOICE}; empty
 *     otherwise
 * @param options the options it accepts, in documentation order
 */
public record CommandSpec(
    String name,
    String area,
    String synopsis,
    String summary,
    String explanation,
    String example,
    ArgumentKind argument,
    List<String> choices,
    List<CommandOption> options) {

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(synopsis, "synopsis");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(argument, "argument");
    choices = List.copyOf(choices);
    options = List.copyOf(options);
    if (name.isEmpty() || name.startsWith("%")) {
      throw new IllegalArgumentException("command names have no percent sign: " + name);
    }
  }

  /** The command as typed: {@code %undo}. */
  public String spelled() {
    return "%" + name;
  }

  /** The option spelled {@code option} ({@code -L}, {@code --format}), if the command has it. */
  public Optional<CommandOption> option(String option) {
    return options.stream().filter(o -> o.name().equals(option)).findFirst();
  }
}
