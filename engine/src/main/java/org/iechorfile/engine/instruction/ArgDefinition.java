package org.iechorfile.engine.instruction;

import java.util.Objects;
import java.util.Optional;

/**
 * One name of an ARG instruction with its optional default.
 *
 * @param name the variable name, never expanded
 * @param defaultValue the default as written (expanded at the ARG's definition), if {@code =} was
 *     given; {@code ARG A=} has an empty default
 */
public record ArgDefinition(String name, Optional<String> defaultValue) {

  public ArgDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
