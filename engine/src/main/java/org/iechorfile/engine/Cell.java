package org.iechorfile.engine;

import java.util.List;
import java.util.Optional;

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
  Optional<Item> itemOnLine(int index) {
    for (Item item : items) {
      if (item.firstLine() <= index && index <= item.lastLine()) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
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
