package org.iechorfile.engine.session;

import java.time.Duration;
import java.util.Objects;
import org.iechorfile.engine.StepId;

/**
 * One step of a session as {@link Session#steps()} reports it.
 *
 * @param id the step's id
 * @param source the instruction's text as typed
 * @param keyword the instruction keyword, upper case
 * @param stage the stage the step belongs to ({@code stage-0} when unnamed)
 * @param live whether the step is live (false: redoable)
 * @param pending whether the step is redoable with no result yet: the step it stood on was
 *     replaced, so redoing it applies its instruction again; such a step has no time or size
 * @param cached whether its result came from the build cache
 * @param duration how long it took
 * @param layerBytes the bytes its layer added; 0 for config-only steps
 */
public record StepInfo(
    StepId id,
    String source,
    String keyword,
    String stage,
    boolean live,
    boolean pending,
    boolean cached,
    Duration duration,
    long layerBytes) {
  public StepInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(duration, "duration");
    if (live && pending) {
      throw new IllegalArgumentException("a live step has a result: " + id);
    }
  }
}
