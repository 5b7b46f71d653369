package org.iechorfile.engine;

import java.util.Objects;

/**
 * A step was undone: the session's current step moved back past it; it stays redoable until a new
 * step is applied.
 *
 * @param step the step
 * @param source the instruction's text as typed
 */
public record StepUndone(StepId step, String source) implements SessionEvent {
  public StepUndone {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepUndone(this);
  }
}
