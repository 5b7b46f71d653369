package org.iechorfile.repl;

/** Small text shaping for one-line displays. */
final class Text {

  private static final int WIDTH = 72;

  private Text() {}

  /** The first line of {@code source}, shortened, with an ellipsis when something was cut. */
  static String firstLine(String source) {
    String stripped = source.strip();
    int feed = stripped.indexOf('\n');
    String first = feed < 0 ? stripped : stripped.substring(0, feed);
    boolean cut = feed >= 0 || first.length() > WIDTH;
    if (first.length() > WIDTH) {
      first = first.substring(0, WIDTH);
    }
    return cut ? first + " ..." : first;
  }
}
