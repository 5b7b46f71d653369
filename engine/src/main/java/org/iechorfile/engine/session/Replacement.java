package org.iechorfile.engine.session;

import java.util.List;
import org.iechorfile.engine.SessionEvent;

/**
 * Steps being replaced, from {@link Session#replace}: while it is open, steps applied to the
 * session take the place of the replaced ones and the steps that followed them stay redoable
 * (pending: {@link Session#redo} applies their instructions again on the new steps). Closing it
 * ends the replacement; the next step applied after that drops the redoable steps as usual.
 */
public final class Replacement implements AutoCloseable {

  private final Timeline timeline;
  private final List<SessionEvent> events;
  private boolean closed;

  Replacement(Timeline timeline, List<SessionEvent> events) {
    this.timeline = timeline;
    this.events = List.copyOf(events);
    timeline.hold();
  }

  /** The events starting the replacement: a {@code StepUndone} for each step no longer live. */
  public List<SessionEvent> events() {
    return events;
  }

  /** Ends the replacement; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      timeline.release();
    }
  }
}
