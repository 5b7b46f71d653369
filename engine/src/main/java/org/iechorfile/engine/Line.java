package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One physical line of analysed input.
 *
 * @param index the line's index, 0-based
 * @param start the code-point offset of its first character in the input
 * @param text its content without the line feed and trailing carriage returns
 */
record Line(int index, int start, String text) {

  /** The code-point offset just after its last character (before any line break). */
  int end() {
    return start + text.codePointCount(0, text.length());
  }

  /** The code-point offset in the input of the character at {@code charIndex} of the text. */
  int offset(int charIndex) {
    return start + text.codePointCount(0, charIndex);
  }

  /** The 1-based line number, as diagnostics show it. */
  int number() {
    return index + 1;
  }

  /** Whether the line holds only spaces and tabs (or nothing). */
  boolean isBlank() {
    return leadingBlanks(text) == text.length();
  }

  /** The physical lines of {@code input}; a final line feed does not start another line. */
  static List<Line> split(String input) {
    List<Line> lines = new ArrayList<>();
    int from = 0;
    int offset = 0;
    while (from < input.length()) {
      int feed = input.indexOf('\n', from);
      int to = feed < 0 ? input.length() : feed;
      int content = to;
      while (content > from && input.charAt(content - 1) == '\r') {
        content--;
      }
      lines.add(new Line(lines.size(), offset, input.substring(from, content)));
      offset += input.codePointCount(from, to) + (feed < 0 ? 0 : 1);
      from = feed < 0 ? input.length() : feed + 1;
    }
    return lines;
  }

  /** How many characters at the start of {@code text} are whitespace. */
  static int leadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
