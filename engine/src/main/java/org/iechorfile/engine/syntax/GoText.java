package org.iechorfile.engine.syntax;

/**
 * Character classes and trimming with the exact meaning BuildKit's parser gives them, so that
 * whitespace handling matches the reference byte for byte (Java's own {@code isWhitespace} differs:
 * it excludes U+00A0 and includes U+001C..U+001F).
 */
final class GoText {

  private GoText() {}

  /** Unicode white space as Go's {@code unicode.IsSpace} defines it. */
  static boolean isSpace(int c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    switch (c) {
      case 0x85:
      case 0xA0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /** The separator class {@code [\t\v\f\r ]} used to split keywords and whitespace lists. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Index of the first character at or after {@code from} that is not {@link #isSpace}. */
  static int skipSpace(CharSequence s, int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Index just after the last character before {@code to} that is not {@link #isSpace}. */
  static int skipSpaceBackwards(CharSequence s, int from, int to) {
    int i = to;
    while (i > from && isSpace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** {@code s} without leading and trailing Unicode white space. */
  static String trim(String s) {
    int start = skipSpace(s, 0, s.length());
    int end = skipSpaceBackwards(s, start, s.length());
    return s.substring(start, end);
  }

  /** {@code s} in lower case by simple per-code-point case mapping, as Go's ToLower does. */
  static String lower(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int l = Character.toLowerCase(c);
      if (l != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(l);
      }
      i += Character.charCount(c);
    }
    return out == null ? s : out.toString();
  }
}
