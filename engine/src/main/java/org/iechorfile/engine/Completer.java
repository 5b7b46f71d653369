package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.command.CommandCatalogue;
import org.iechorfile.engine.command.CommandSpec;
import org.iechorfile.engine.syntax.Keyword;

/**
 * Completes the word before the cursor: keywords and {@code %} commands at the start of a line,
 * and, inside an instruction, its flags, flag values, variables and arguments.
 */
final class Completer {

  private static final List<String> SIGNALS =
      List.of("SIGTERM", "SIGINT", "SIGQUIT", "SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2");

  private static final Set<Keyword> NOT_TRIGGERS =
      EnumSet.of(Keyword.FROM, Keyword.MAINTAINER, Keyword.ONBUILD);

  private final Cell cell;
  private final CompletionSource source;
  private final Manual manual = Manual.standard();

  Completer(Cell cell, CompletionSource source) {
    this.cell = cell;
    this.source = source;
  }

  Completions complete(int cursor) {
    int index = cell.lineAt(cursor);
    Optional<Item> found = cell.itemOnLine(index);
    if (found.isEmpty() || found.get().kind() == Item.Kind.BLANK) {
      return lineStart("", cursor, cursor);
    }
    Item item = found.get();
    if (item.text().isEmpty()) {
      // A line holding only a continuation escape: nothing typed yet.
      return item.kind() == Item.Kind.INSTRUCTION
          ? lineStart("", cursor, cursor)
          : Completions.none(cursor);
    }
    switch (item.kind()) {
      case COMMAND:
        return new CommandCompleter(this, item).complete(cursor);
      case INSTRUCTION:
        if (!onInstructionText(item, index, cursor)) {
          return Completions.none(cursor);
        }
        return instruction(item, cursor);
      default:
        return Completions.none(cursor);
    }
  }

  /** Whether the cursor is in the instruction's own text, not in a body, comment or escape. */
  private boolean onInstructionText(Item item, int index, int cursor) {
    boolean inBody = item.bodies().stream().anyMatch(b -> index >= b.firstLine());
    boolean inEscape =
        item.escapes().stream().anyMatch(r -> cursor > r.start() && cursor <= r.end());
    Line line = cell.lines().get(index);
    boolean beforeText = item.firstLine() == index && cursor < item.offset(0);
    return !inBody
        && !inEscape
        && !item.innerComments().contains(index)
        && !beforeText
        && (line.index() == item.firstLine() || !line.isBlank());
  }

  /** Keywords and, for an empty or {@code %} prefix, commands. */
  Completions lineStart(String prefix, int start, int end) {
    Candidates keywords = Candidates.matchingAnyCase(prefix);
    if (!prefix.startsWith("%")) {
      for (Keyword keyword : Keyword.values()) {
        keywords.add(keyword.name() + " ", manual.summary(keyword));
      }
    }
    if (prefix.isEmpty() || prefix.startsWith("%")) {
      for (CommandSpec spec : CommandCatalogue.standard().all()) {
        keywords.add(spec.spelled() + " ", spec.summary());
      }
    }
    return keywords.at(start, end);
  }

  /** The keywords ONBUILD can hold: all but FROM, MAINTAINER and ONBUILD itself. */
  private Completions triggers(String prefix, int start, int cursor) {
    Candidates keywords = Candidates.matchingAnyCase(prefix);
    for (Keyword keyword : Keyword.values()) {
      if (!NOT_TRIGGERS.contains(keyword)) {
        keywords.add(keyword.name() + " ", manual.summary(keyword));
      }
    }
    return keywords.at(start, cursor);
  }

  private Completions instruction(Item item, int cursor) {
    String before = item.text().substring(0, item.charsBefore(cursor));
    List<Word> words = Word.split(before, cell.escape());
    boolean fresh = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
    Word current =
        fresh ? new Word(before.length(), before.length(), "") : words.get(words.size() - 1);
    List<Word> previous = fresh ? words : words.subList(0, words.size() - 1);
    return words(item, cursor, previous, current);
  }

  private Completions words(Item item, int cursor, List<Word> previous, Word current) {
    int start = startOf(item, current.start(), cursor);
    if (previous.isEmpty()) {
      return lineStart(current.text(), start, cursor);
    }
    Optional<Keyword> keyword = Keyword.lookup(previous.get(0).text());
    if (keyword.isEmpty()) {
      return Completions.none(cursor);
    }
    if (keyword.get() == Keyword.ONBUILD) {
      if (previous.size() == 1) {
        return triggers(current.text(), start, cursor);
      }
      return words(item, cursor, previous.subList(1, previous.size()), current);
    }
    int dollar = variableStart(current.text());
    if (dollar >= 0) {
      return variables(
          current.text().substring(dollar),
          startOf(item, current.start() + dollar, cursor),
          cursor);
    }
    List<Word> flags = new ArrayList<>();
    int argsAt = 1;
    while (argsAt < previous.size() && previous.get(argsAt).isFlag()) {
      flags.add(previous.get(argsAt++));
    }
    boolean flagPhase = argsAt == previous.size();
    if (flagPhase && current.text().startsWith("-")) {
      return new FlagCompleter(this, keyword.get()).complete(item, flags, current, cursor);
    }
    List<Word> args = previous.subList(argsAt, previous.size());
    return arguments(keyword.get(), flags, args, current.text(), start, cursor);
  }

  private Completions arguments(
      Keyword keyword, List<Word> flags, List<Word> args, String prefix, int start, int cursor) {
    Candidates candidates = Candidates.matching(prefix);
    int index = args.size();
    switch (keyword) {
      case FROM:
        if (index == 1) {
          candidates = Candidates.matchingAnyCase(prefix).add("AS ", "names this stage");
        } else if (index == 0) {
          candidates.addAll(source.storeImages(prefix), "image").addAll(stages(), "stage");
        }
        break;
      case HEALTHCHECK:
        candidates =
            index == 0
                ? Candidates.matchingAnyCase(prefix)
                    .add("CMD ", "the check to run")
                    .add("NONE", "no health check")
                : imagePathsIfAbsolute(candidates, prefix);
        break;
      case WORKDIR:
      case VOLUME:
        candidates.addAll(source.imagePaths(prefix), "");
        break;
      case COPY:
      case ADD:
        copySources(candidates, fromFlag(flags), index, prefix);
        break;
      case USER:
        candidates.addAll(source.users(prefix), "user");
        break;
      case STOPSIGNAL:
        candidates.addAll(SIGNALS, "");
        break;
      case RUN:
      case CMD:
      case ENTRYPOINT:
        imagePathsIfAbsolute(candidates, prefix);
        break;
      default:
        break;
    }
    return candidates.at(start, cursor);
  }

  private void copySources(Candidates candidates, Optional<String> from, int index, String prefix) {
    boolean absolute = prefix.startsWith("/");
    if (from.isPresent() && (index == 0 || absolute)) {
      candidates.addAll(source.stagePaths(from.get(), prefix), "");
    }
    if (index > 0 && absolute) {
      candidates.addAll(source.imagePaths(prefix), "");
    } else if (from.isEmpty()) {
      candidates.addAll(source.contextPaths(prefix), "");
    }
  }

  private Candidates imagePathsIfAbsolute(Candidates candidates, String prefix) {
    return prefix.startsWith("/") ? candidates.addAll(source.imagePaths(prefix), "") : candidates;
  }

  private static Optional<String> fromFlag(List<Word> flags) {
    for (Word flag : flags) {
      if (flag.text().startsWith("--from=")) {
        return Optional.of(flag.text().substring("--from=".length()));
      }
    }
    return Optional.empty();
  }

  /** {@code $NAME} or {@code ${NAME}} candidates for a reference being typed ({@code $HO}). */
  Completions variables(String reference, int start, int cursor) {
    boolean braced = reference.startsWith("${");
    Candidates candidates = Candidates.matching(reference);
    List<String> names = new ArrayList<>(CellFacts.variables(cell, cell.lineAt(cursor)));
    names.addAll(source.variables());
    for (String name : names) {
      candidates.add(braced ? "${" + name + "}" : "$" + name, "variable");
    }
    return candidates.at(start, cursor);
  }

  /** The index of a variable reference being typed at the end of {@code word}, or -1. */
  static int variableStart(String word) {
    int dollar = word.lastIndexOf('$');
    if (dollar < 0) {
      return -1;
    }
    String name = word.substring(dollar + 1);
    if (name.startsWith("{")) {
      name = name.substring(1);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return -1;
      }
    }
    return dollar;
  }

  /** The stage names known to the cell and the session. */
  List<String> stages() {
    List<String> stages = new ArrayList<>(CellFacts.stages(cell));
    stages.addAll(source.stageNames());
    return stages;
  }

  CompletionSource source() {
    return source;
  }

  Cell cell() {
    return cell;
  }

  Manual manual() {
    return manual;
  }

  /**
   * The code-point offset of character {@code index} of the item's text, or the cursor at its end.
   */
  static int startOf(Item item, int index, int cursor) {
    return index < item.charsBefore(cursor) ? item.offset(index) : cursor;
  }
}
