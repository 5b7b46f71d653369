package org.iechorfile.engine;

import java.util.List;

/**
 * Input split into logical lines: what {@link CellScanner} makes of a notebook cell or a REPL
 * buffer.
 *
 * @param lines the physical lines
 * @param items the logical lines, in order
 * @param escape the escape character in effect
 */
record Cell(List<Line> lines, List<Item> items, char escape) {

  /** The item whose physical lines include line {@code index}, if any. */
  java.util.Optional<Item> itemOnLine(int index) {
    for (Item item : items) {
      if (item.firstLine() <= index && index <= item.lastLine()) {
        return java.util.Optional.of(item);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The index of the physical line holding code-point offset {@code cursor} (a line's end counts).
   */
  int lineAt(int cursor) {
    for (Line line : lines) {
      if (cursor <= line.end()) {
        return line.index();
      }
    }
    return lines.size();
  }
}
