package org.iechorfile.engine.instruction;

import org.iechorfile.engine.SourceSpan;
import org.iechorfile.engine.syntax.Node;

/**
 * Finds where a piece of an instruction (a flag word, an argument) sits in the source, so a
 * diagnostic can point at it. Text the line parser changed (quotes removed from flags, JSON escapes
 * decoded) may not be found; then the whole instruction's span is used.
 */
final class SpanLocator {

  private SpanLocator() {}

  /** The span of the first occurrence of {@code text} after the keyword, or the node's span. */
  static SourceSpan find(Node node, String text) {
    String original = node.original();
    int keywordAt = Math.max(0, original.indexOf(node.keyword()));
    if (text.isEmpty()) {
      return node.span();
    }
    int at = original.indexOf(text, keywordAt + node.keyword().length());
    if (at < 0) {
      return node.span();
    }
    SourceSpan start = position(node, original, keywordAt, at);
    SourceSpan end = position(node, original, keywordAt, at + text.length());
    return new SourceSpan(
        start.startLine(), start.startColumn(), end.startLine(), end.startColumn());
  }

  /**
   * The span of {@code length} code points at {@code offset} inside the first occurrence of {@code
   * text}, when {@code text} sits on one line; otherwise the span of {@code text} (or the node's).
   */
  static SourceSpan find(Node node, String text, int offset, int length) {
    SourceSpan whole = find(node, text);
    if (whole.equals(node.span()) || whole.startLine() != whole.endLine()) {
      return whole;
    }
    int start = whole.startColumn() + offset;
    return new SourceSpan(whole.startLine(), start, whole.startLine(), start + Math.max(0, length));
  }

  private static SourceSpan position(Node node, String original, int keywordAt, int offset) {
    int line = node.span().startLine();
    int lineStart = keywordAt;
    int column = node.span().startColumn();
    for (int i = keywordAt; i < offset; i++) {
      if (original.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
        column = 1;
      }
    }
    int col = column + original.codePointCount(lineStart, offset);
    return SourceSpan.of(line, col, 0);
  }
}
