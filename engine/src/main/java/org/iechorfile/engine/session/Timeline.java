package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.StepId;

/**
 * A session's steps in order, with a cursor: steps before it are live, steps after it are redoable.
 * Redoable steps come in two kinds: undone steps, which keep their result (redoing one is O(1):
 * states are immutable snapshots), then pending steps, whose parent was replaced and which keep
 * only their instruction. Applying a step drops every redoable step, except while the tail is
 * {@linkplain #hold() held}: then the pending steps stay after the new ones.
 */
final class Timeline {

  private final ImageState initial;
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<PendingStep> pending = new ArrayList<>();
  private int live;
  private int holds;

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

  /**
   * Adds a step after the live ones, dropping the undone ones, and the pending ones unless held.
   */
  void push(StepRecord step) {
    steps.subList(live, steps.size()).clear();
    if (holds == 0) {
      pending.clear();
    }
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

  /** Steps forward onto the next undone step, if there is one with a kept result. */
  Optional<StepRecord> redoKept() {
    return live < steps.size() ? Optional.of(steps.get(live++)) : Optional.empty();
  }

  /** The next pending step, when no undone step comes before it. */
  Optional<PendingStep> nextPending() {
    return live == steps.size() && !pending.isEmpty()
        ? Optional.of(pending.get(0))
        : Optional.empty();
  }

  /** Forgets the first pending step, once it has been applied again. */
  void dropNextPending() {
    pending.remove(0);
  }

  /**
   * Replaces steps {@code first} to {@code last}: moves the cursor to step {@code first - 1},
   * forgets those steps and turns the steps after {@code last} into pending ones.
   *
   * @return the live steps that are no longer live, newest first
   */
  List<StepRecord> replace(int first, int last) {
    List<StepRecord> undone = undo(live - (first - 1));
    List<PendingStep> tail = new ArrayList<>();
    for (int n = last + 1; n <= steps.size(); n++) {
      tail.add(PendingStep.of(steps.get(n - 1)));
    }
    tail.addAll(pending.subList(Math.max(0, last - steps.size()), pending.size()));
    steps.subList(first - 1, steps.size()).clear();
    pending.clear();
    pending.addAll(tail);
    return undone;
  }

  /** Keeps the pending steps when steps are pushed, until {@link #release()}. */
  void hold() {
    holds++;
  }

  /** Ends one {@link #hold()}. */
  void release() {
    if (holds == 0) {
      throw new IllegalStateException("the redo list is not held");
    }
    holds--;
  }

  /** Every step with a result, live and undone, in order. */
  List<StepRecord> all() {
    return List.copyOf(steps);
  }

  /** The pending steps, in order; they come after every step of {@link #all()}. */
  List<PendingStep> pending() {
    return List.copyOf(pending);
  }

  /** How many steps there are, live, undone and pending. */
  int size() {
    return steps.size() + pending.size();
  }

  /** How many steps are live. */
  int liveCount() {
    return live;
  }

  /** The step numbered {@code number}, live or undone; pending steps have no record. */
  Optional<StepRecord> step(int number) {
    return number >= 1 && number <= steps.size()
        ? Optional.of(steps.get(number - 1))
        : Optional.empty();
  }
}
