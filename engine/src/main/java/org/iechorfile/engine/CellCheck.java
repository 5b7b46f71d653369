package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;
import org.iechorfile.engine.command.catalogue.CommandSpec;
import org.iechorfile.engine.syntax.EditDistance;
import org.iechorfile.engine.syntax.Keyword;

/**
 * Finds the errors in a scanned cell that the line parser leaves to later stages but that no
 * further input can fix: unknown instructions and unknown {@code %} commands. Instruction-level
 * checks (flags, argument counts) happen when the input is applied.
 */
final class CellCheck {

  private CellCheck() {}

  /** The errors of {@code cell}, in source order. */
  static List<Diagnostic> errors(Cell cell) {
    List<Diagnostic> errors = new ArrayList<>();
    for (Item item : cell.items()) {
      if (item.kind() == Item.Kind.INSTRUCTION) {
        checkInstruction(cell, item, errors);
      } else if (item.kind() == Item.Kind.COMMAND) {
        checkCommand(cell, item, errors);
      }
    }
    return errors;
  }

  private static void checkInstruction(Cell cell, Item item, List<Diagnostic> errors) {
    Optional<Shape> found = Shape.of(item.text(), cell.escape(), 0);
    if (found.isEmpty()) {
      return;
    }
    Shape shape = found.get();
    for (Shape part = shape; ; part = part.trigger().get(0)) {
      if (part.keyword().isEmpty()) {
        String word = part.head().text();
        List<String> near = nearest(word.toUpperCase(Locale.ROOT), keywordNames());
        String next =
            near.isEmpty() ? "%help lists the instructions" : "did you mean " + near.get(0) + "?";
        errors.add(
            Diagnostic.error(
                "unknown instruction: " + word + "; " + next, span(cell, item, part.head()), near));
        return;
      }
      if (part.trigger().isEmpty()) {
        break;
      }
    }
  }

  private static void checkCommand(Cell cell, Item item, List<Diagnostic> errors) {
    List<Word> words = Word.split(item.text(), '\\');
    Word head = words.get(0);
    String name = head.text().substring(1);
    if (name.isEmpty()) {
      errors.add(
          Diagnostic.error(
              "a % must be followed by a command name; %help lists the commands",
              span(cell, item, head)));
      return;
    }
    if (CommandCatalogue.standard().find(name).isEmpty()) {
      List<String> names =
          CommandCatalogue.standard().all().stream()
              .map(CommandSpec::spelled)
              .collect(Collectors.toList());
      List<String> near = nearest(head.text().toLowerCase(Locale.ROOT), names);
      String next =
          near.isEmpty() ? "%help lists the commands" : "did you mean " + near.get(0) + "?";
      errors.add(
          Diagnostic.error(
              "unknown command: " + head.text() + "; " + next, span(cell, item, head), near));
    }
  }

  /** The span of {@code word} of {@code item}'s text, in lines and columns. */
  static SourceSpan span(Cell cell, Item item, Word word) {
    int start = item.offset(word.start());
    int end = item.offsetAfter(word.end());
    Line first = cell.lines().get(cell.lineAt(start));
    Line last = cell.lines().get(cell.lineAt(Math.max(start, end - 1)));
    return new SourceSpan(
        first.number(), start - first.start() + 1, last.number(), end - last.start() + 1);
  }

  private static List<String> keywordNames() {
    List<String> names = new ArrayList<>();
    for (Keyword keyword : Keyword.values()) {
      names.add(keyword.name());
    }
    return names;
  }

  /** The names within edit distance 2 of {@code word}, closest first. */
  static List<String> nearest(String word, Collection<String> names) {
    return names.stream()
        .filter(n -> distance(word, n) <= Math.min(2, Math.max(1, word.length() - 1)))
        .sorted(Comparator.comparingInt((String n) -> distance(word, n)))
        .collect(Collectors.toList());
  }

  /** The edit distance between two words, 3 for anything further apart than 2. */
  private static int distance(String a, String b) {
    return EditDistance.between(a, b, 2);
  }
}
