package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.StepId;

/**
 * A session's steps in order, with a cursor: steps before it are live, steps after it are redoable
 * until a new step is applied. Moving the cursor is O(1) in the size of the image: states are
 * immutable snapshots.
 */
final class Timeline {

  private final ImageState initial;
  private final List<StepRecord> steps = new ArrayList<>();
  private int live;

  Timeline(ImageState initial) {
    this.initial = initial;
  }

  /** The state of the last live step, or the initial state. */
  ImageState current() {
    return live == 0 ? initial : steps.get(live - 1).state();
  }

  /** The id the next applied step gets. */
  StepId nextId() {
    return new StepId(live + 1);
  }

  /** Adds a step after the live ones, dropping the redoable ones. */
  void push(StepRecord step) {
    steps.subList(live, steps.size()).clear();
    steps.add(step);
    live++;
  }

  /** Steps back over up to {@code count} steps; returns the undone ones, newest first. */
  List<StepRecord> undo(int count) {
    List<StepRecord> undone = new ArrayList<>();
    while (count-- > 0 && live > 0) {
      undone.add(steps.get(--live));
    }
    return undone;
  }

  /** Steps forward over up to {@code count} redoable steps; returns them, oldest first. */
  List<StepRecord> redo(int count) {
    List<StepRecord> redone = new ArrayList<>();
    while (count-- > 0 && live < steps.size()) {
      redone.add(steps.get(live++));
    }
    return redone;
  }

  /** Every step, live and redoable, in order. */
  List<StepRecord> all() {
    return List.copyOf(steps);
  }

  /** How many steps are live. */
  int liveCount() {
    return live;
  }

  /** The step numbered {@code number}, live or redoable. */
  Optional<StepRecord> step(int number) {
    return number >= 1 && number <= steps.size()
        ? Optional.of(steps.get(number - 1))
        : Optional.empty();
  }
}
