package org.iechorfile.engine.inspect;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inspection found, or why it found nothing: a user's mistake (a missing path, a step that
 * does not exist) is an answer with a message saying what to do, never an exception.
 *
 * @param <T> what was asked for
 */
public final class Answer<T> {

  private final T value;
  private final String problem;

  private Answer(T value, String problem) {
    this.value = value;
    this.problem = problem;
  }

  /** An answer holding {@code value}. */
  public static <T> Answer<T> of(T value) {
    return new Answer<>(Objects.requireNonNull(value, "value"), "");
  }

  /** An answer that explains why there is nothing to show. */
  public static <T> Answer<T> problem(String message) {
    if (message.isBlank()) {
      throw new IllegalArgumentException("a problem needs a message");
    }
    return new Answer<>(null, message);
  }

  /** The value, when there is one. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The value. */
  public T get() {
    if (value == null) {
      throw new NoSuchElementException(problem);
    }
    return value;
  }

  /** Why there is no value; empty when there is one. */
  public String problem() {
    return problem;
  }

  /** Whether there is a value. */
  public boolean found() {
    return value != null;
  }

  @Override
  public String toString() {
    return value != null ? "Answer[" + value + "]" : "Answer[problem=" + problem + "]";
  }
}
