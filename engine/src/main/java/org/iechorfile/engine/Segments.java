package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits analysed input into the instructions and {@code %} command lines it runs, in order. */
final class Segments {

  private Segments() {}

  static List<Segment> of(String input) {
    String source = CompletenessCheck.withJoins(input, CellScanner.scan(input));
    Cell cell = CellScanner.scan(source);
    StringBuilder directives = new StringBuilder();
    List<Segment> segments = new ArrayList<>();
    for (Item item : cell.items()) {
      switch (item.kind()) {
        case DIRECTIVE -> directives.append(cell.lines().get(item.firstLine()).text()).append('\n');
        case COMMAND ->
            segments.add(
                new Segment(
                    Segment.Kind.COMMAND,
                    item.text().strip(),
                    item.firstLine() + 1,
                    firstWord(item.text())));
        case INSTRUCTION ->
            segments.add(
                new Segment(
                    Segment.Kind.INSTRUCTION,
                    directives + physical(cell, item),
                    item.firstLine() + 1,
                    firstWord(item.text()).toUpperCase(Locale.ROOT)));
        default -> {
          // Comments and blank lines run nothing.
        }
      }
    }
    return List.copyOf(segments);
  }

  private static String physical(Cell cell, Item item) {
    StringBuilder text = new StringBuilder();
    for (int i = item.firstLine(); i <= item.lastLine() && i < cell.lines().size(); i++) {
      if (i > item.firstLine()) {
        text.append('\n');
      }
      text.append(cell.lines().get(i).text());
    }
    return text.toString();
  }

  private static String firstWord(String text) {
    String stripped = text.strip();
    int end = 0;
    while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
      end++;
    }
    return stripped.substring(0, end);
  }
}
