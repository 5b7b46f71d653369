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
 * @param card what the step changed, for the change card front ends show after it
 */
public record StepCompleted(
    StepId step,
    String source,
    Duration duration,
    CacheOutcome cache,
    List<Diagnostic> warnings,
    ChangeCard card)
    implements SessionEvent {
  public StepCompleted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(cache, "cache");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(card, "card");
  }

  /** A completed step whose card lists no file or config change. */
  public StepCompleted(
      StepId step,
      String source,
      Duration duration,
      CacheOutcome cache,
      List<Diagnostic> warnings) {
    this(
        step, source, duration, cache, warnings, ChangeCard.configOnly(List.of(), duration, cache));
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepCompleted(this);
  }
}
