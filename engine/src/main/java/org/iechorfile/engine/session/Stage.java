package org.iechorfile.engine.session;

import java.util.Objects;

/**
 * A finished build stage that later steps may refer to ({@code FROM name}, {@code COPY
 * --from=name}).
 *
 * @param index the stage's position in the session, 0 for the first FROM
 * @param name the stage's name from {@code AS name}, lower case; empty when unnamed
 * @param state the stage's state at its last step
 */
public record Stage(int index, String name, ImageState state) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
  }

  /** The name later steps use: the given name, or {@code stage-N}. */
  public String displayName() {
    return name.isEmpty() ? "stage-" + index : name;
  }
}
