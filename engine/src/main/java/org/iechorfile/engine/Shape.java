package org.iechorfile.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.iechorfile.engine.syntax.Keyword;

/**
 * The outline of an instruction's logical line: its keyword word, its flag words, its argument
 * words and, for ONBUILD, the outline of the trigger instruction.
 *
 * @param head the keyword as written
 * @param flags the flag words, in order (a bare {@code --} ends them and is not included)
 * @param args the argument words
 * @param argsStart index where the arguments begin (the text's length when there are none)
 * @param trigger ONBUILD's trigger instruction (zero or one element)
 */
record Shape(Word head, List<Word> flags, List<Word> args, int argsStart, List<Shape> trigger) {

  private static final Set<Keyword> JSON_FORMS =
      EnumSet.of(
          Keyword.RUN,
          Keyword.CMD,
          Keyword.ENTRYPOINT,
          Keyword.SHELL,
          Keyword.ADD,
          Keyword.COPY,
          Keyword.VOLUME,
          Keyword.HEALTHCHECK);

  /** The outline of {@code text} from index {@code from}; empty when there are no words. */
  static Optional<Shape> of(String text, char escape, int from) {
    List<Word> words = Word.split(text, escape, from);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    int next = 1;
    while (next < words.size() && words.get(next).text().startsWith("--")) {
      if (words.get(next).text().equals("--")) {
        next++;
        break;
      }
      next++;
    }
    List<Word> flags =
        words.subList(1, next).stream().filter(Word::isFlag).collect(Collectors.toList());
    List<Word> args = List.copyOf(words.subList(next, words.size()));
    int argsStart = args.isEmpty() ? text.length() : args.get(0).start();
    Word head = words.get(0);
    List<Shape> trigger = List.of();
    if (head.text().equalsIgnoreCase("ONBUILD") && !args.isEmpty()) {
      trigger = of(text, escape, argsStart).map(List::of).orElse(List.of());
    }
    return Optional.of(new Shape(head, List.copyOf(flags), args, argsStart, trigger));
  }

  /** The instruction keyword, if the head is one. */
  Optional<Keyword> keyword() {
    return Keyword.lookup(head.text());
  }

  /** The instruction that does the work: the trigger for ONBUILD, otherwise this one. */
  Shape effective() {
    return trigger.isEmpty() ? this : trigger.get(0).effective();
  }

  /**
   * The instruction whose heredocs the line may hold: ONBUILD's trigger, one level deep only, as in
   * BuildKit's parser (so {@code ONBUILD ONBUILD RUN <<EOF} holds none), otherwise this one.
   */
  Shape heredocCarrier() {
    return trigger.isEmpty() ? this : trigger.get(0);
  }

  /** Where a JSON (exec form) argument list would start, or -1 when the keyword takes none. */
  int jsonStart() {
    Optional<Keyword> keyword = keyword();
    if (keyword.isEmpty() || !JSON_FORMS.contains(keyword.get())) {
      return -1;
    }
    if (keyword.get() == Keyword.HEALTHCHECK) {
      boolean cmd = !args.isEmpty() && args.get(0).text().toUpperCase(Locale.ROOT).equals("CMD");
      return cmd && args.size() > 1 ? args.get(1).start() : -1;
    }
    return argsStart;
  }

  /** Whether heredoc markers are recognised in this instruction. */
  boolean allowsHeredocs() {
    return keyword().map(Keyword::allowsHeredocs).orElse(false);
  }
}
