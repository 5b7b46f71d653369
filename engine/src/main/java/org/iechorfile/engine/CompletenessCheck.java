package org.iechorfile.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Judges whether a scanned cell is ready to run. */
final class CompletenessCheck {

  private CompletenessCheck() {}

  static Completeness judge(String input, Cell cell) {
    List<Diagnostic> errors = CellCheck.errors(cell);
    String source = withJoins(input, cell);
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

  /** {@code input} with the escape character added at the end of each joined JSON line. */
  private static String withJoins(String input, Cell cell) {
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
