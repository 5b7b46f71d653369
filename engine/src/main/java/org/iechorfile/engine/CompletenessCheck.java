package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iechorfile.engine.syntax.LineParser;

/** Judges whether a scanned cell is ready to run. */
final class CompletenessCheck {

  private CompletenessCheck() {}

  static Completeness judge(String input, Cell cell) {
    String source = withJoins(input, cell);
    List<Diagnostic> errors = new ArrayList<>(CellCheck.errors(cell));
    errors.addAll(parserErrors(source, cell));
    errors.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().startLine())
            .thenComparingInt(d -> d.span().startColumn()));
    if (!errors.isEmpty()) {
      return new Completeness(Completeness.Status.INVALID, "", errors, source);
    }
    List<Item> runnable =
        cell.items().stream()
            .filter(i -> i.kind() == Item.Kind.INSTRUCTION || i.kind() == Item.Kind.COMMAND)
            .collect(Collectors.toList());
    if (runnable.isEmpty()) {
      return new Completeness(Completeness.Status.EMPTY, "", List.of(), source);
    }
    Item last = runnable.get(runnable.size() - 1);
    String awaiting = awaiting(last);
    Completeness.Status status =
        awaiting.isEmpty() ? Completeness.Status.COMPLETE : Completeness.Status.INCOMPLETE;
    return new Completeness(status, awaiting, List.of(), source);
  }

  private static String awaiting(Item item) {
    switch (item.open()) {
      case CONTINUATION:
        return "a continuation line";
      case JSON_ARRAY:
        return "a closing ]";
      case HEREDOC:
        // The first unterminated body runs to the end of the input, so every later one is open too.
        List<String> pending =
            item.bodies().stream()
                .filter(b -> !b.terminated())
                .map(b -> b.marker().name())
                .collect(Collectors.toList());
        return pending.size() == 1
            ? "the heredoc body ending in " + pending.get(0)
            : "the heredoc bodies ending in " + String.join(" and ", pending);
      default:
        return "";
    }
  }

  /**
   * The line parser's errors for the instructions that are complete: the text before any item still
   * open, with {@code %} command lines blanked so that line numbers stay the same.
   */
  private static List<Diagnostic> parserErrors(String source, Cell cell) {
    int end = cell.lines().size();
    boolean instructions = false;
    Set<Integer> commands = new HashSet<>();
    for (Item item : cell.items()) {
      if (item.open() != Item.Open.NOTHING) {
        end = item.firstLine();
        break;
      }
      instructions |= item.kind() == Item.Kind.INSTRUCTION;
      if (item.kind() == Item.Kind.COMMAND) {
        commands.add(item.firstLine());
      }
    }
    String[] physical = source.split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < end && i < physical.length; i++) {
      text.append(commands.contains(i) ? "" : physical[i]).append('\n');
    }
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic diagnostic : LineParser.parse(text.toString()).diagnostics()) {
      // A cell of only commands, or whose one instruction is still open, is not an empty file.
      boolean noInstructions = diagnostic.message().startsWith("file with no instructions");
      if (diagnostic.isError() && !(noInstructions && !instructions)) {
        errors.add(diagnostic);
      }
    }
    return errors;
  }

  /** {@code input} with the escape character added at the end of each joined JSON line. */
  static String withJoins(String input, Cell cell) {
    List<Integer> joins =
        cell.items().stream().flatMap(i -> i.joins().stream()).collect(Collectors.toList());
    if (joins.isEmpty()) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length() + joins.size());
    String[] physical = input.split("\n", -1);
    for (int i = 0; i < physical.length; i++) {
      String line = physical[i];
      if (joins.contains(i)) {
        int content = line.length();
        while (content > 0 && line.charAt(content - 1) == '\r') {
          content--;
        }
        line = line.substring(0, content) + cell.escape() + line.substring(content);
      }
      out.append(line);
      if (i < physical.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
