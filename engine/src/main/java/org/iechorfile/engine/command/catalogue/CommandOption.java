package org.iechorfile.engine.command.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * An option of a {@code %} command.
 *
 * @param name the option as typed, with its dashes ({@code -l}, {@code --format})
 * @param valueName the placeholder of the value it takes ({@code N}, {@code FORMAT}), or empty when
 *     it takes none
 * @param values the values it accepts when they form a fixed list; empty otherwise
 * @param summary one sentence saying what it does
 */
public record CommandOption(String name, String valueName, List<String> values, String summary) {

  public CommandOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(valueName, "valueName");
    values = List.copyOf(values);
    Objects.requireNonNull(summary, "summary");
    if (!name.startsWith("-")) {
      throw new IllegalArgumentException("option names start with a dash: " + name);
    }
  }

  /** Whether the option takes a value ({@code --format oci}). */
  public boolean takesValue() {
    return !valueName.isEmpty();
  }
}
