package org.iechorfile.engine.syntax;

import java.util.Objects;

/**
 * A flag an instruction accepts.
 *
 * @param name the flag's name without dashes ({@code mount})
 * @param kind how it takes its value
 */
public record FlagSpec(String name, FlagKind kind) {

  public FlagSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.isEmpty() || name.startsWith("-")) {
      throw new IllegalArgumentException("flag names have no dashes: " + name);
    }
  }

  /** The flag as typed: {@code --mount}. */
  public String spelled() {
    return "--" + name;
  }
}
