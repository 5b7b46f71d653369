package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.syntax.FlagKind;
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;

/**
 * The flags of one instruction, read with BuildKit's flag rules: booleans take {@code --f}, {@code
 * --f=true} or {@code --f=false}; strings need {@code =}; only {@code STRINGS} flags repeat; a bare
 * {@code --} ends the flags.
 */
final class Flags {

  private final Map<String, List<String>> values;

  private Flags(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No flags at all, for instructions that never look at theirs. */
  static Flags none() {
    return new Flags(Map.of());
  }

  /** Reads {@code words} against the flags {@code keyword} accepts. */
  static Flags parse(Keyword keyword, List<String> words) throws InstructionException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String word : words) {
      if (!word.startsWith("--")) {
        throw new InstructionException("arg should start with -- : " + word, word);
      }
      if (word.equals("--")) {
        break;
      }
      int eq = word.indexOf('=');
      String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
      Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(word.substring(eq + 1));
      FlagSpec spec = spec(keyword, name, word);
      if (values.containsKey(name) && spec.kind() != FlagKind.STRINGS) {
        throw new InstructionException("duplicate flag specified: --" + name, word);
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(read(spec, value, word));
    }
    return new Flags(values);
  }

  private static FlagSpec spec(Keyword keyword, String name, String word)
      throws InstructionException {
    Optional<FlagSpec> spec = keyword.flag(name);
    if (spec.isPresent()) {
      return spec.get();
    }
    List<String> known = keyword.flags().stream().map(FlagSpec::spelled).toList();
    List<String> suggestions = Suggestions.closest("--" + name, known);
    throw new InstructionException(
        "unknown flag: --" + name + Suggestions.didYouMean(suggestions), word, suggestions);
  }

  private static String read(FlagSpec spec, Optional<String> value, String word)
      throws InstructionException {
    String name = spec.spelled();
    if (spec.kind() != FlagKind.BOOLEAN) {
      return value.orElseThrow(
          () -> new InstructionException("missing a value on flag: " + name, word));
    }
    if (value.isPresent() && value.get().isEmpty()) {
      throw new InstructionException("missing a value on flag: " + name, word);
    }
    String text = value.orElse("true").toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new InstructionException(
          "expecting boolean value for flag " + name + ", not: " + value.get(), word);
    }
    return text;
  }

  /** The value of a string flag, if given. */
  Optional<String> string(String name) {
    List<String> given = values.getOrDefault(name, List.of());
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  /**
   * The value of a string flag, if given and not empty: for most string flags BuildKit treats
   * {@code --f=} like no flag at all.
   */
  Optional<String> nonEmpty(String name) {
    return string(name).filter(v -> !v.isEmpty());
  }

  /** Every value of a repeatable flag, in order. */
  List<String> strings(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  /** A boolean flag's value, if given. */
  Optional<Boolean> bool(String name) {
    return string(name).map(Boolean::parseBoolean);
  }

  /** Whether a boolean flag is given and true. */
  boolean isSet(String name) {
    return bool(name).orElse(false);
  }
}
