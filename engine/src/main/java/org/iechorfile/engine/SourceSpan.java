package org.iechorfile.engine;

/**
 * A range of source text. Lines and columns are 1-based; columns count Unicode code points. The end
 * is exclusive: {@code endColumn} is the column just after the last character of the span, on
 * {@code endLine}.
 *
 * @param startLine first line of the span, 1-based
 * @param startColumn first column on {@code startLine}, 1-based
 * @param endLine last line of the span, at least {@code startLine}
 * @param endColumn column after the last character on {@code endLine}
 */
public record SourceSpan(int startLine, int startColumn, int endLine, int endColumn) {

  public SourceSpan {
    if (startLine < 1 || startColumn < 1 || endColumn < 1) {
      throw new IllegalArgumentException(
          "lines and columns are 1-based: " + startLine + ":" + startColumn);
    }
    if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
      throw new IllegalArgumentException(
          "span ends before it starts: "
              + startLine
              + ":"
              + startColumn
              + "-"
              + endLine
              + ":"
              + endColumn);
    }
  }

  /** A span covering whole lines {@code first} to {@code last}, from column 1. */
  public static SourceSpan lines(int first, int last) {
    return new SourceSpan(first, 1, last, 1);
  }

  /** A span on one line from {@code column} for {@code length} code points. */
  public static SourceSpan of(int line, int column, int length) {
    return new SourceSpan(line, column, line, column + Math.max(0, length));
  }

  /** This span moved down by {@code lines} lines, for text that sits inside a larger document. */
  public SourceSpan shiftLines(int lines) {
    return new SourceSpan(startLine + lines, startColumn, endLine + lines, endColumn);
  }

  @Override
  public String toString() {
    return startLine + ":" + startColumn;
  }
}
