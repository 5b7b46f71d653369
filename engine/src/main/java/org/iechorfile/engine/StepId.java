package org.iechorfile.engine;

/**
 * Names a step of a session: its number in the session's timeline, 1 for the first step. A step
 * applied after an undo takes the number of the step it replaces, so the live steps and the
 * redoable ones always have distinct numbers.
 *
 * @param number the step's number, at least 1
 */
public record StepId(int number) implements Comparable<StepId> {

  public StepId {
    if (number < 1) {
      throw new IllegalArgumentException("step numbers start at 1: " + number);
    }
  }

  @Override
  public int compareTo(StepId other) {
    return Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "#" + number;
  }
}
