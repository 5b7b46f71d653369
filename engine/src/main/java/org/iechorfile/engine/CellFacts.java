package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iechorfile.engine.syntax.Keyword;

/** What the text of a cell declares: build stage names and variable names. */
final class CellFacts {

  private CellFacts() {}

  /** The stage names declared by {@code FROM ... AS name} in the cell, in order. */
  static List<String> stages(Cell cell) {
    List<String> stages = new ArrayList<>();
    for (Item item : cell.items()) {
      Optional<Shape> shape = shape(cell, item);
      if (shape.isPresent() && shape.get().keyword().orElse(null) == Keyword.FROM) {
        List<Word> args = shape.get().args();
        if (args.size() >= 3 && args.get(1).text().equalsIgnoreCase("AS")) {
          stages.add(args.get(2).text().toLowerCase(Locale.ROOT));
        }
      }
    }
    return stages;
  }

  /** The variable names declared by ARG and ENV in the items before {@code before}. */
  static List<String> variables(Cell cell, int beforeLine) {
    List<String> names = new ArrayList<>();
    for (Item item : cell.items()) {
      if (item.firstLine() >= beforeLine) {
        break;
      }
      Optional<Shape> shape = shape(cell, item);
      Keyword keyword = shape.flatMap(Shape::keyword).orElse(null);
      if (keyword == Keyword.ARG || keyword == Keyword.ENV) {
        List<Word> args = shape.get().args();
        boolean legacy =
            keyword == Keyword.ENV && !args.isEmpty() && args.get(0).text().indexOf('=') < 0;
        for (Word word : legacy ? args.subList(0, 1) : args) {
          int equals = word.text().indexOf('=');
          String name = equals < 0 ? word.text() : word.text().substring(0, equals);
          if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  private static Optional<Shape> shape(Cell cell, Item item) {
    if (item.kind() != Item.Kind.INSTRUCTION) {
      return Optional.empty();
    }
    return Shape.of(item.text(), cell.escape(), 0);
  }
}
