package org.iechorfile.engine;

import java.util.Objects;

/**
 * A valid step could not be carried out (the second error channel); the session stays on its last
 * good step.
 *
 * @param step the step
 * @param source the instruction's text as typed
 * @param failure what failed and what to do
 */
public record StepFailed(StepId step, String source, Failure failure) implements SessionEvent {
  public StepFailed {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(failure, "failure");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepFailed(this);
  }
}
