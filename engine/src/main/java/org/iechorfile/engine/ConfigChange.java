package org.iechorfile.engine;

import java.util.Objects;

/**
 * One field of the image config that a step changed.
 *
 * @param field the field as the image config names it ({@code Env}, {@code WorkingDir}, {@code
 *     Labels.version})
 * @param before the old value as text; empty when it was unset
 * @param after the new value as text; empty when it is now unset
 */
public record ConfigChange(String field, String before, String after) {
  public ConfigChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
