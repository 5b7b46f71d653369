package org.iechorfile.engine.syntax;

import java.util.List;
import java.util.Objects;

/**
 * Whether a text stops in the middle of an instruction, for interactive front ends deciding whether
 * to ask for another line.
 *
 * @param kind what is still open
 * @param awaitedHeredocs for {@link Kind#HEREDOC}, the terminator words still awaited, in order;
 *     empty otherwise
 */
public record OpenInput(Kind kind, List<String> awaitedHeredocs) {

  /** What the text is still inside of at its end. */
  public enum Kind {
    /** Nothing is open: the last instruction is complete. */
    NONE,
    /** The last line ends with the escape character, so the instruction continues. */
    CONTINUATION,
    /** A heredoc body has not reached its terminator line yet. */
    HEREDOC
  }

  /** Nothing open. */
  public static final OpenInput CLOSED = new OpenInput(Kind.NONE, List.of());

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when terminators are given for a kind other than {@link
   *     Kind#HEREDOC}, or none for it
   */
  public OpenInput {
    Objects.requireNonNull(kind, "kind");
    awaitedHeredocs = List.copyOf(awaitedHeredocs);
    if ((kind == Kind.HEREDOC) == awaitedHeredocs.isEmpty()) {
      throw new IllegalArgumentException("heredoc terminators go with HEREDOC only: " + kind);
    }
  }
}
