package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;

/**
 * Whether a cell or REPL buffer is ready to run, as {@link Analysis#analyzeCompleteness} judges it.
 *
 * @param status the verdict
 * @param awaiting for {@link Status#INCOMPLETE}, what the input still lacks, for a continuation
 *     prompt ("a continuation line", "a closing ]", "the heredoc body ending in EOF"); empty
 *     otherwise
 * @param diagnostics for {@link Status#INVALID}, the errors that no further line can fix, in source
 *     order; empty otherwise
 * @param source the input as it should be applied: the input itself, except that a line ending
 *     inside a JSON array that the next line continues gets the escape character at its end, so
 *     that the array reads as one instruction
 */
public record Completeness(
    Status status, String awaiting, List<Diagnostic> diagnostics, String source) {

  /** The verdicts. */
  public enum Status {
    /** Ready to run. */
    COMPLETE,
    /** More lines are needed; {@link Completeness#awaiting()} says which. */
    INCOMPLETE,
    /** Nothing to run: only blank lines, comments or directives. */
    EMPTY,
    /** Cannot run whatever follows; {@link Completeness#diagnostics()} says why. */
    INVALID
  }

  public Completeness {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(awaiting, "awaiting");
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(source, "source");
    if ((status == Status.INCOMPLETE) == awaiting.isEmpty()) {
      throw new IllegalArgumentException("only incomplete input awaits something: " + status);
    }
    if ((status == Status.INVALID) == diagnostics.isEmpty()) {
      throw new IllegalArgumentException("only invalid input has diagnostics: " + status);
    }
  }

  /** Whether the input can be run now (complete, or empty). */
  public boolean isReady() {
    return status == Status.COMPLETE || status == Status.EMPTY;
  }
}
