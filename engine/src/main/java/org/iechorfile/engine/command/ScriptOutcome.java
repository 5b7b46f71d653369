package org.iechorfile.engine.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.Segment;
import org.iechorfile.engine.SessionEvent;

/**
 * How a script or cell run by {@link ScriptRunner} ended.
 *
 * @param segments how many segments it has
 * @param ran how many of them ran (the failed one included)
 * @param failed the segment that failed or was rejected, when one did; the run stopped there
 * @param events every session event the run caused, in order
 */
public record ScriptOutcome(
    int segments, int ran, Optional<Segment> failed, List<SessionEvent> events) {

  public ScriptOutcome {
    Objects.requireNonNull(failed, "failed");
    events = List.copyOf(events);
  }

  /** Whether every segment that ran succeeded. */
  public boolean succeeded() {
    return failed.isEmpty();
  }
}
