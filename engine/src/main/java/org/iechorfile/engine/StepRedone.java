package org.iechorfile.engine;

import java.util.Objects;

/**
 * A step was redone: the session's current step moved forward onto it again.
 *
 * @param step the step
 * @param source the instruction's text as typed
 */
public record StepRedone(StepId step, String source) implements SessionEvent {
  public StepRedone {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepRedone(this);
  }
}
