package org.iechorfile.repl;

/** Converts between the analysis's code-point offsets and JLine's char indexes. */
final class Offsets {

  private Offsets() {}

  /** The char index of code-point offset {@code codePoints} in {@code text}, clamped. */
  static int charIndex(String text, int codePoints) {
    int max = text.codePointCount(0, text.length());
    return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, max)));
  }

  /** The code-point offset of char index {@code index} in {@code text}. */
  static int codePoints(String text, int index) {
    return text.codePointCount(0, Math.max(0, Math.min(index, text.length())));
  }
}
