package org.iechorfile.engine;

import java.util.Arrays;

/**
 * The text of a logical line (an instruction whose physical lines are joined) with, for each of its
 * characters, the code-point offset of that character in the input.
 */
final class Assembly {

  private final StringBuilder text = new StringBuilder();
  private int[] offsets = new int[32];

  /** Appends {@code line}'s characters from {@code from} (inclusive) to {@code to} (exclusive). */
  void append(Line line, int from, int to) {
    int offset = line.offset(from);
    for (int i = from; i < to; i++) {
      char c = line.text().charAt(i);
      if (text.length() == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[text.length()] = offset;
      text.append(c);
      if (!Character.isHighSurrogate(c)) {
        offset++;
      }
    }
  }

  String text() {
    return text.toString();
  }

  int[] offsets() {
    return Arrays.copyOf(offsets, text.length());
  }
}
