package org.iechorfile.engine;

import java.util.List;

/**
 * One logical line of analysed input: an instruction with its continuation lines and heredoc
 * bodies, a {@code %} command line, a comment, a parser directive or a blank line.
 *
 * @param kind what it is
 * @param text for instructions, the joined text of its physical lines (continuation escapes
 *     removed, comment and blank lines inside skipped, starting at the keyword); for the other
 *     kinds, the line from its first non-blank character
 * @param offsets for each character of {@code text}, its code-point offset in the input
 * @param firstLine index of the first physical line
 * @param lastLine index of the last physical line, heredoc bodies included
 * @param escapes the code-point ranges of the continuation escapes (with their trailing blanks)
 * @param innerComments indexes of the comment lines inside the continuation
 * @param markers the heredoc markers found in {@code text}
 * @param bodies one body per marker, in order
 * @param open what the instruction still waits for when the input ends
 * @param joins indexes of the physical lines that end inside an open JSON array and were joined to
 *     the next line without an escape
 */
record Item(
    Kind kind,
    String text,
    int[] offsets,
    int firstLine,
    int lastLine,
    List<Range> escapes,
    List<Integer> innerComments,
    List<HeredocMarker> markers,
    List<Body> bodies,
    Open open,
    List<Integer> joins) {

  /** What a logical line is. */
  enum Kind {
    INSTRUCTION,
    COMMAND,
    COMMENT,
    DIRECTIVE,
    BLANK
  }

  /** What an instruction waits for at the end of the input. */
  enum Open {
    NOTHING,
    CONTINUATION,
    JSON_ARRAY,
    HEREDOC
  }

  /** A range of code-point offsets, end exclusive. */
  record Range(int start, int end) {}

  /**
   * A heredoc body.
   *
   * @param marker the marker it belongs to
   * @param firstLine index of its first line (may equal {@code terminator} when the body is empty)
   * @param terminator index of the terminator line, or -1 when the input ended first
   * @param lastLine index of its last content line, or {@code firstLine - 1} when it has none
   */
  record Body(HeredocMarker marker, int firstLine, int terminator, int lastLine) {

    boolean terminated() {
      return terminator >= 0;
    }
  }

  /** A one-line item of {@code kind} whose text starts at {@code from} in {@code line}. */
  static Item single(Kind kind, Line line, int from) {
    Assembly assembly = new Assembly();
    assembly.append(line, from, line.text().length());
    return new Item(
        kind,
        assembly.text(),
        assembly.offsets(),
        line.index(),
        line.index(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Open.NOTHING,
        List.of());
  }

  /** The code-point offset in the input of the character at {@code index} of {@code text}. */
  int offset(int index) {
    return offsets[index];
  }

  /** The code-point offset after the character at {@code index - 1} of {@code text}. */
  int offsetAfter(int index) {
    return index == 0 ? offsets.length == 0 ? 0 : offsets[0] : offsets[index - 1] + 1;
  }

  /** How many characters of {@code text} lie before the code-point offset {@code cursor}. */
  int charsBefore(int cursor) {
    int low = 0;
    int high = offsets.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (offsets[mid] < cursor) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
