package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;

/**
 * A step changed the image config.
 *
 * @param step the step
 * @param changes what changed, field by field
 */
public record ConfigChanged(StepId step, List<ConfigChange> changes) implements SessionEvent {
  public ConfigChanged {
    Objects.requireNonNull(step, "step");
    changes = List.copyOf(changes);
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.configChanged(this);
  }
}
