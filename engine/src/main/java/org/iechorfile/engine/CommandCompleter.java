package org.iechorfile.engine;

import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.command.catalogue.CommandCatalogue;
import org.iechorfile.engine.command.catalogue.CommandOption;
import org.iechorfile.engine.command.catalogue.CommandSpec;
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;

/** Completes a {@code %} command line: command names, options, option values and arguments. */
final class CommandCompleter {

  private final Completer completer;
  private final Item item;

  CommandCompleter(Completer completer, Item item) {
    this.completer = completer;
    this.item = item;
  }

  Completions complete(int cursor) {
    String before = item.text().substring(0, item.charsBefore(cursor));
    List<Word> words = Word.split(before, '\\');
    boolean fresh = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
    Word current =
        fresh ? new Word(before.length(), before.length(), "") : words.get(words.size() - 1);
    List<Word> previous = fresh ? words : words.subList(0, words.size() - 1);
    int start = Completer.startOf(item, current.start(), cursor);
    if (previous.isEmpty()) {
      return completer.lineStart(current.text(), start, cursor);
    }
    Optional<CommandSpec> spec = CommandCatalogue.standard().find(previous.get(0).text());
    if (spec.isEmpty()) {
      return Completions.none(cursor);
    }
    int dollar = Completer.variableStart(current.text());
    if (dollar >= 0) {
      int at = Completer.startOf(item, current.start() + dollar, cursor);
      return completer.variables(current.text().substring(dollar), at, cursor);
    }
    String prefix = current.text();
    if (prefix.startsWith("-") && !spec.get().options().isEmpty()) {
      return options(spec.get(), current, cursor);
    }
    Word last = previous.get(previous.size() - 1);
    Optional<CommandOption> option = spec.get().option(last.text());
    if (option.isPresent() && option.get().takesValue()) {
      return Candidates.matching(prefix).addAll(option.get().values(), "").at(start, cursor);
    }
    return argument(spec.get(), previous, prefix).at(start, cursor);
  }

  private Completions options(CommandSpec spec, Word current, int cursor) {
    String word = current.text();
    int equals = word.indexOf('=');
    if (equals > 0) {
      Optional<CommandOption> option = spec.option(word.substring(0, equals));
      String value = word.substring(equals + 1);
      int at = Completer.startOf(item, current.start() + equals + 1, cursor);
      return Candidates.matching(value)
          .addAll(option.map(CommandOption::values).orElse(List.of()), "")
          .at(at, cursor);
    }
    Candidates candidates = Candidates.matching(word);
    for (CommandOption option : spec.options()) {
      candidates.add(option.name() + " ", option.summary());
    }
    return candidates.at(Completer.startOf(item, current.start(), cursor), cursor);
  }

  private Candidates argument(CommandSpec spec, List<Word> previous, String prefix) {
    Candidates candidates = Candidates.matching(prefix);
    CompletionSource source = completer.source();
    switch (spec.argument()) {
      case IMAGE_PATH:
        return candidates.addAll(source.imagePaths(prefix), "");
      case COMMAND_LINE:
        return prefix.startsWith("/")
            ? candidates.addAll(source.imagePaths(prefix), "")
            : candidates;
      case HOST_FILE:
      case HOST_DIRECTORY:
        return candidates.addAll(source.hostPaths(prefix), "");
      case CHOICE:
        return candidates.addAll(spec.choices(), "");
      case IMAGE_REFERENCE:
        return candidates.addAll(source.storeImages(prefix), "image");
      case ASSIGNMENT:
        for (String name : CellFacts.variables(completer.cell(), Integer.MAX_VALUE)) {
          candidates.add(name + "=", "build argument");
        }
        return candidates;
      case TOPIC:
        return topics(previous, prefix);
      default:
        return candidates;
    }
  }

  /** Instruction and command names for {@code %help}, then the flags of a named instruction. */
  private Candidates topics(List<Word> previous, String prefix) {
    if (previous.size() == 2) {
      Candidates flags = Candidates.matching(prefix);
      Keyword.lookup(previous.get(1).text())
          .ifPresent(
              k -> {
                for (FlagSpec flag : k.flags()) {
                  flags.add(flag.spelled(), completer.manual().flagSummary(k, flag.name()));
                }
              });
      return flags;
    }
    Candidates topics = Candidates.matchingAnyCase(prefix);
    if (previous.size() == 1) {
      for (Keyword keyword : Keyword.values()) {
        topics.add(keyword.name(), completer.manual().summary(keyword));
      }
      for (CommandSpec command : CommandCatalogue.standard().all()) {
        topics.add(command.spelled(), command.summary());
      }
    }
    return topics;
  }
}
