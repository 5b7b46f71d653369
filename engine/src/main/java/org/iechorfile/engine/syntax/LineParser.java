package org.iechorfile.engine.syntax;

/**
 * The iEchorfile line parser: turns text into instructions with flags and raw arguments, exactly as
 * BuildKit's Dockerfile line parser does, with no variable expansion and no instruction validation.
 * Pure and stateless; safe to call from any thread.
 *
 * <p>Problems are reported as {@link org.iechorfile.engine.Diagnostic}s with line:column spans,
 * never as exceptions. After an error in one instruction the rest of the text is still parsed, so
 * every problem is reported at once; the broken instruction itself yields no node.
 *
 * <p>Deliberate differences from BuildKit (none of them changes a conformance vector's dump):
 *
 * <ul>
 *   <li>BuildKit stops at the first error; this parser reports every error and keeps the valid
 *       instructions around a broken one. A line over 65535 bytes drops only the instruction it
 *       belongs to.
 *   <li>BuildKit scans flag words and the HEALTHCHECK type byte by byte, so a non-ASCII character
 *       in a flag comes out re-encoded ({@code --chown=é} becomes {@code --chown=Ã©}) and the bytes
 *       0x85 and 0xA0 inside a multi-byte character count as white space. Here flags and types are
 *       scanned by character and keep their text.
 *   <li>A comment is recorded as the text after its {@code #}, trimmed; BuildKit drops the first
 *       byte of the raw line, which keeps the {@code #} of an indented comment.
 *   <li>Heredoc markers are found with BuildKit's shell lexer rules, but {@code ${...}} nested more
 *       than 256 levels deep on a RUN, COPY or ADD line makes the line unlexable (no heredocs)
 *       instead of recursing without bound.
 *   <li>{@code <<} or {@code <<-} followed by spaces or tabs stays glued to the next word when
 *       looking for markers, so {@code << EOF} is one marker, as in BuildKit since v0.22.
 * </ul>
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

  /**
   * The terminator a heredoc marker word stands for, read as the reference reads it ({@code
   * <<"EOF"} and {@code <<-EOF\} both give {@code EOF}); empty when {@code word} is not a marker.
   *
   * @param word one shell word of a RUN, COPY or ADD line, split with {@code \} as the escape
   */
  public static java.util.Optional<String> heredocTerminator(String word) {
    try {
      return HeredocMarkers.marker(word).map(HeredocMarkers.Marker::name);
    } catch (ShellWords.LexFailure e) {
      return java.util.Optional.empty();
    }
  }
}
