package org.iechorfile.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A step finished and is now the session's current step.
 *
 * @param step the step
 * @param source the instruction's text as typed
 * @param duration how long it took
 * @param cache whether it came from the build cache, and why or why not
 * @param warnings lint warnings about the instruction; it was applied all the same
 */
public record StepCompleted(
    StepId step, String source, Duration duration, CacheOutcome cache, List<Diagnostic> warnings)
    implements SessionEvent {
  public StepCompleted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(cache, "cache");
    warnings = List.copyOf(warnings);
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepCompleted(this);
  }
}
