package org.iechorfile.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A step began.
 *
 * @param step the step
 * @param source the instruction's text as typed
 * @param startedAt when it began
 */
public record StepStarted(StepId step, String source, Instant startedAt) implements SessionEvent {
  public StepStarted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepStarted(this);
  }
}
