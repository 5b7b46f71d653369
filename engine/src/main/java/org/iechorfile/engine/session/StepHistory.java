package org.iechorfile.engine.session;

import java.util.Optional;
import org.iechorfile.engine.StepId;
import org.iechorfile.engine.StepRedone;
import org.iechorfile.engine.StepUndone;
import org.iechorfile.engine.syntax.Node;

/**
 * The bookkeeping of a session's steps over its {@link Timeline}: recording an applied step,
 * undoing, redoing (kept results, or pending steps applied again), replacing steps, and publishing
 * the layers the steps use whenever the list of steps grows.
 */
final class StepHistory {

  /** Applies a pending step's instruction again; true when it became a live step. */
  interface Reapply {
    boolean apply(Node node, char escape, EventLog log);
  }

  private final Timeline timeline;
  private final SessionLayers layers;

  StepHistory(Timeline timeline, SessionLayers layers) {
    this.timeline = timeline;
    this.layers = layers;
  }

  /** Adds an applied step after the live ones and publishes the layers the steps use. */
  void record(StepRecord step) {
    timeline.push(step);
    layers.publish(timeline.all().stream().map(StepRecord::state).toList());
  }

  /** Steps back over the last {@code count} live steps, emitting a {@code StepUndone} for each. */
  void undo(int count, EventLog log) {
    for (StepRecord step : timeline.undo(count)) {
      log.emit(new StepUndone(step.id(), step.source()));
    }
  }

  /**
   * Re-applies up to {@code count} redoable steps, in order, stopping at a pending step that does
   * not apply again.
   */
  void redo(int count, EventLog log, Reapply reapply) {
    for (int i = 0; i < count; i++) {
      Optional<StepRecord> kept = timeline.redoKept();
      if (kept.isPresent()) {
        log.emit(new StepRedone(kept.get().id(), kept.get().source()));
        continue;
      }
      Optional<PendingStep> pending = timeline.nextPending();
      if (pending.isEmpty() || !reapply(pending.get(), log, reapply)) {
        break;
      }
    }
  }

  private boolean reapply(PendingStep step, EventLog log, Reapply reapply) {
    StepId id = timeline.nextId();
    timeline.hold();
    boolean applied;
    try {
      applied = reapply.apply(step.node(), step.escape(), log);
    } finally {
      timeline.release();
    }
    if (applied) {
      timeline.dropNextPending();
      log.emit(new StepRedone(id, step.source()));
    }
    return applied;
  }

  /**
   * Starts replacing steps {@code first} to {@code last}: redoes kept steps up to step {@code first
   * - 1}, then forgets the replaced steps, emitting a {@code StepUndone} for each live step undone.
   *
   * @throws IllegalArgumentException when there are no such steps, or step {@code first - 1} is
   *     pending
   */
  Replacement replace(int first, int last, EventLog log) {
    if (first < 1 || last < first - 1 || last > timeline.size()) {
      throw new IllegalArgumentException(
          "cannot replace steps " + first + " to " + last + "; there are " + timeline.size());
    }
    if (first - 1 > timeline.all().size()) {
      throw new IllegalArgumentException(
          "step " + (first - 1) + " is pending; redo it before replacing the steps after it");
    }
    while (timeline.liveCount() < first - 1) {
      StepRecord step = timeline.redoKept().orElseThrow();
      log.emit(new StepRedone(step.id(), step.source()));
    }
    for (StepRecord step : timeline.replace(first, last)) {
      log.emit(new StepUndone(step.id(), step.source()));
    }
    return new Replacement(timeline, log.events());
  }
}
