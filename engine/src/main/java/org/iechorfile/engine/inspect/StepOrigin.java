package org.iechorfile.engine.inspect;

import java.util.Objects;

/**
 * The step of the session that made a layer.
 *
 * @param step the step's number; 0 when the layer came with no step of this session (it cannot be
 *     traced)
 * @param source the step's instruction as typed, or the image history's command for base layers
 */
public record StepOrigin(int step, String source) {
  public StepOrigin {
    Objects.requireNonNull(source, "source");
  }
}
