package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;

/**
 * Help text for an instruction, one of its flags, a mount type or a {@code %} command, as shown by
 * {@code %help}, on Shift-Tab in a notebook and in hover text.
 *
 * @param topic what is explained, as typed ({@code RUN}, {@code RUN --mount}, {@code %undo})
 * @param summary one sentence
 * @param explanation a short paragraph with the details a user needs
 * @param syntax how it is written; may span several lines (one form per line)
 * @param example a typical use; may span several lines
 * @param items the parts of the topic, each with a one-line summary: an instruction's flags, a
 *     mount type's keys or a command's options; may be empty
 */
public record Documentation(
    String topic,
    String summary,
    String explanation,
    String syntax,
    String example,
    List<Item> items) {

  public Documentation {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(example, "example");
    items = List.copyOf(items);
  }

  /**
   * A part of a documented topic.
   *
   * @param name the part as typed ({@code --mount}, {@code target}, {@code -L N})
   * @param summary what it does, in one line
   */
  public record Item(String name, String summary) {

    public Item {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(summary, "summary");
    }
  }

  /** The documentation as plain text, for terminals and {@code text/plain} outputs. */
  public String toPlainText() {
    StringBuilder text = new StringBuilder();
    text.append(topic).append(" - ").append(summary).append("\n\n");
    text.append("Syntax:\n").append(indent(syntax)).append("\n\n");
    text.append(explanation).append('\n');
    if (!items.isEmpty()) {
      text.append('\n');
      int width = items.stream().mapToInt(i -> i.name().length()).max().orElse(0);
      for (Item item : items) {
        text.append("  ").append(item.name());
        text.append(" ".repeat(width - item.name().length() + 2)).append(item.summary());
        text.append('\n');
      }
    }
    text.append("\nExample:\n").append(indent(example)).append('\n');
    return text.toString();
  }

  /** The documentation as Markdown, for {@code text/markdown} outputs in notebooks. */
  public String toMarkdown() {
    StringBuilder text = new StringBuilder();
    text.append("**`").append(topic).append("`** — ").append(summary).append("\n\n");
    text.append("```\n").append(syntax).append("\n```\n\n");
    text.append(explanation).append('\n');
    if (!items.isEmpty()) {
      text.append('\n');
      for (Item item : items) {
        text.append("- `").append(item.name()).append("`: ").append(item.summary()).append('\n');
      }
    }
    text.append("\nExample:\n\n```\n").append(example).append("\n```\n");
    return text.toString();
  }

  private static String indent(String lines) {
    return "  " + lines.replace("\n", "\n  ");
  }
}
