package org.iechorfile.engine;

import java.util.Objects;

/**
 * A highlighted range of input, as {@link Analysis#tokens} reports it. Text between tokens is plain
 * (image names, paths, shell words).
 *
 * @param kind what the range is
 * @param start code-point offset of its first character in the input
 * @param end code-point offset after its last character; greater than {@code start}
 */
public record Token(Kind kind, int start, int end) {

  /** What a highlighted range is. */
  public enum Kind {
    /**
     * An instruction keyword in any case ({@code RUN}, {@code from}), or {@code AS}/{@code CMD}.
     */
    KEYWORD,
    /** A word in keyword position that is no instruction ({@code CPOY}). */
    UNKNOWN_KEYWORD,
    /** An instruction flag's name ({@code --mount}). */
    FLAG,
    /** An instruction flag's value ({@code type=cache,target=/root}). */
    FLAG_VALUE,
    /** A quoted string, quotes included. */
    STRING,
    /** A variable reference ({@code $HOME}, {@code ${VERSION:-1}}) or a name being defined. */
    VARIABLE,
    /** A comment line, or a shell comment in a command line. */
    COMMENT,
    /** A parser directive line ({@code # escape=`}). */
    DIRECTIVE,
    /** A heredoc marker ({@code <<EOF}) or a heredoc's terminator line. */
    HEREDOC_MARKER,
    /** A line of a heredoc body. */
    HEREDOC_BODY,
    /** A {@code %} command's name ({@code %undo}). */
    COMMAND,
    /** A word in {@code %} command position that is no command ({@code %frob}). */
    UNKNOWN_COMMAND,
    /** A {@code %} command's option ({@code -la}, {@code --format}). */
    OPTION,
    /** A number standing alone ({@code 8080}, {@code 2}). */
    NUMBER,
    /** A shell operator ({@code &&}, {@code |}, {@code >}) or the {@code =} of an assignment. */
    OPERATOR,
    /** JSON brackets and commas, and line-continuation escapes. */
    PUNCTUATION
  }

  public Token {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad token range " + start + ".." + end);
    }
  }
}
