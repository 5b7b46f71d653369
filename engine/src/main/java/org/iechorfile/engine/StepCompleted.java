package org.iechorfile.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * A step finished and is now the session's current step.
 *
 * @param step the step
 * @param source the instruction's text as typed
 * @param duration how long it took
 * @param cache whether it came from the build cache, and why or why not
 */
public record StepCompleted(StepId step, String source, Duration duration, CacheOutcome cache)
    implements SessionEvent {
  public StepCompleted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(cache, "cache");
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepCompleted(this);
  }
}
