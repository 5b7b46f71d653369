package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;
import org.iechorfile.engine.command.catalogue.CommandOption;
import org.iechorfile.engine.command.catalogue.CommandSpec;
import org.iechorfile.engine.syntax.Keyword;

/** Finds the documentation for a help topic or for the word under the cursor. */
final class HelpDesk {

  /** A directive as a help topic: {@code # escape}, {@code #escape=`}. */
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*#\\s*([A-Za-z][A-Za-z0-9]*)\\s*(=.*)?$");

  /** The documentation of a topic as {@code %help} takes it. */
  Optional<Documentation> help(String topic) {
    List<Word> words = Word.split(topic.strip(), '\\');
    if (words.isEmpty()) {
      return Optional.of(overview());
    }
    String first = words.get(0).text();
    Matcher directive = DIRECTIVE.matcher(topic);
    if (directive.matches()) {
      return Manual.standard().directive(directive.group(1));
    }
    if (first.startsWith("%")) {
      return CommandCatalogue.standard().find(first).map(HelpDesk::command);
    }
    Optional<Keyword> keyword = Keyword.lookup(first);
    if (keyword.isPresent() && words.size() == 1) {
      return Manual.standard().instruction(keyword.get());
    }
    if (keyword.isPresent()) {
      return flag(keyword.get(), words.get(1).text());
    }
    if (first.startsWith("--")) {
      for (Keyword candidate : Keyword.values()) {
        Optional<Documentation> found = flag(candidate, first);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    Optional<Documentation> command =
        CommandCatalogue.standard().find(first).map(HelpDesk::command);
    return command.isPresent() ? command : Manual.standard().directive(first);
  }

  /** The documentation of a flag word ({@code --mount=type=cache,...}) of {@code keyword}. */
  Optional<Documentation> flag(Keyword keyword, String word) {
    if (!word.startsWith("--")) {
      return Optional.empty();
    }
    int equals = word.indexOf('=');
    String name = equals < 0 ? word.substring(2) : word.substring(2, equals);
    if (keyword == Keyword.RUN && name.equals("mount") && equals >= 0) {
      for (String field : word.substring(equals + 1).split(",")) {
        if (field.toLowerCase(Locale.ROOT).startsWith("type=")) {
          Optional<Documentation> type =
              Manual.standard().mountType(field.substring("type=".length()));
          if (type.isPresent()) {
            return type;
          }
        }
      }
    }
    return Manual.standard().flag(keyword, name);
  }

  /** The documentation of the instruction, flag or command at {@code cursor} in {@code cell}. */
  Optional<Documentation> inspect(Cell cell, int cursor) {
    Optional<Item> found = cell.itemOnLine(cell.lineAt(cursor));
    if (found.isEmpty() || found.get().text().isEmpty()) {
      return Optional.empty();
    }
    Item item = found.get();
    if (item.kind() == Item.Kind.COMMAND) {
      return inspectCommand(item, cursor);
    }
    if (item.kind() == Item.Kind.DIRECTIVE) {
      return help(item.text());
    }
    if (item.kind() != Item.Kind.INSTRUCTION) {
      return Optional.empty();
    }
    List<Word> words = Word.split(item.text(), cell.escape());
    int at = item.charsBefore(cursor);
    Keyword keyword = null;
    for (Word word : words) {
      Optional<Keyword> named =
          keyword == null || keyword == Keyword.ONBUILD
              ? Keyword.lookup(word.text())
              : Optional.empty();
      boolean under = word.start() <= at && at <= word.end();
      if (named.isPresent()) {
        keyword = named.get();
        if (under) {
          return Manual.standard().instruction(keyword);
        }
      } else if (keyword != null && under && word.isFlag()) {
        return flag(keyword, word.text());
      }
    }
    return keyword == null ? Optional.empty() : Manual.standard().instruction(keyword);
  }

  private Optional<Documentation> inspectCommand(Item item, int cursor) {
    List<Word> words = Word.split(item.text(), '\\');
    Optional<CommandSpec> spec = CommandCatalogue.standard().find(words.get(0).text());
    if (spec.isPresent() && spec.get().name().equals("help") && words.size() > 1) {
      int at = item.charsBefore(cursor);
      if (at >= words.get(1).start()) {
        Optional<Documentation> topic = help(item.text().substring(words.get(1).start()));
        if (topic.isPresent()) {
          return topic;
        }
      }
    }
    return spec.map(HelpDesk::command);
  }

  /** The documentation of a {@code %} command, its options as items. */
  static Documentation command(CommandSpec spec) {
    List<Documentation.Item> items = new ArrayList<>();
    for (CommandOption option : spec.options()) {
      String name = option.takesValue() ? option.name() + " " + option.valueName() : option.name();
      items.add(new Documentation.Item(name, option.summary()));
    }
    return new Documentation(
        spec.spelled(), spec.summary(), spec.explanation(), spec.synopsis(), spec.example(), items);
  }

  /** Every instruction and command with its summary, for {@code %help} without a topic. */
  private Documentation overview() {
    List<Documentation.Item> items = new ArrayList<>();
    for (Keyword keyword : Keyword.values()) {
      items.add(new Documentation.Item(keyword.name(), Manual.standard().summary(keyword)));
    }
    for (CommandSpec spec : CommandCatalogue.standard().all()) {
      items.add(new Documentation.Item(spec.spelled(), spec.summary()));
    }
    for (String name : Manual.standard().directives()) {
      items.add(
          new Documentation.Item(
              "# " + name, Manual.standard().directive(name).orElseThrow().summary()));
    }
    return new Documentation(
        "iEchorfile",
        "Type an instruction to apply it to the working image, or a % command.",
        "Each instruction becomes a step that can be undone. %help followed by an instruction,"
            + " an instruction and one of its flags, or a command explains it.",
        "INSTRUCTION ARGUMENTS\n%COMMAND [ARGUMENTS]",
        "FROM python:3.12-slim\nRUN pip install flask\n%undo\n%help RUN --mount",
        items);
  }
}
