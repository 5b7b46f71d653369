package org.iechorfile.engine;

import java.util.Objects;

/**
 * One runnable piece of a cell or script, as {@link Analysis#segments} splits it: a single
 * iEchorfile instruction (with its continuation lines and heredoc bodies) or a {@code %} command
 * line.
 *
 * @param kind what it is
 * @param text the text to apply: for an instruction, its physical lines preceded by the input's
 *     parser directives, ready for {@code Session.apply}; for a command, the command line
 * @param line the 1-based line number of its first line in the input
 * @param keyword for an instruction, its keyword in upper case ({@code FROM}); for a command, its
 *     name with the percent sign as typed ({@code %undo})
 */
public record Segment(Kind kind, String text, int line, String keyword) {

  /** What a segment is. */
  public enum Kind {
    /** An iEchorfile instruction. */
    INSTRUCTION,
    /** A {@code %} command line. */
    COMMAND
  }

  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(keyword, "keyword");
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1: " + line);
    }
  }
}
