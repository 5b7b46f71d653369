package org.iechorfile.engine.syntax;

/**
 * The iEchorfile line parser: turns text into instructions with flags and raw arguments, exactly as
 * BuildKit's Dockerfile line parser does, with no variable expansion and no instruction validation.
 * Pure and stateless; safe to call from any thread.
 *
 * <p>Problems are reported as {@link org.iechorfile.engine.Diagnostic}s with line:column spans,
 * never as exceptions. After an error in one instruction the rest of the text is still parsed, so
 * every problem is reported at once; the broken instruction itself yields no node.
 */
public final class LineParser {

  private LineParser() {}

  /**
   * Parses a whole text: a leading byte-order mark, parser directives, comments, line
   * continuations, heredoc bodies and instructions.
   *
   * @param text the source; LF or CRLF line endings; never null
   * @return the directives, the escape character in effect, the instructions in source order and
   *     the diagnostics (errors and {@code NoEmptyContinuation} warnings) in source order
   */
  public static ParsedFile parse(String text) {
    return new FileParser(text).parse();
  }

  /**
   * Whether {@code text} stops inside an instruction: inside a line continuation, or inside a
   * heredoc body whose terminator has not come yet. Unbalanced JSON brackets are not considered.
   *
   * @param text the source typed so far; never null
   * @return {@link OpenInput#CLOSED} when nothing is open, otherwise what is open and, for
   *     heredocs, the terminator words still awaited in order
   */
  public static OpenInput openInput(String text) {
    FileParser parser = new FileParser(text);
    parser.parse();
    return parser.open();
  }
}
