package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iechorfile.engine.syntax.FlagKind;
import org.iechorfile.engine.syntax.FlagSpec;
import org.iechorfile.engine.syntax.Keyword;

/** Completes an instruction's flag word: the flag names, their values and mount specifications. */
final class FlagCompleter {

  private static final List<String> SWITCHES =
      List.of("rw", "readwrite", "ro", "readonly", "required");

  private final Completer completer;
  private final Keyword keyword;
  private final Manual manual;

  FlagCompleter(Completer completer, Keyword keyword) {
    this.completer = completer;
    this.keyword = keyword;
    this.manual = completer.manual();
  }

  /** Completes {@code current}, a word starting with a dash, after the flags {@code given}. */
  Completions complete(Item item, List<Word> given, Word current, int cursor) {
    String word = current.text();
    int equals = word.indexOf('=');
    if (equals < 0) {
      Candidates candidates = Candidates.matching(word);
      for (FlagSpec flag : keyword.flags()) {
        if (flag.kind() != FlagKind.STRINGS && isGiven(flag, given)) {
          continue;
        }
        String suffix = flag.kind() == FlagKind.BOOLEAN ? " " : "=";
        candidates.add(flag.spelled() + suffix, manual.flagSummary(keyword, flag.name()));
      }
      return candidates.at(Completer.startOf(item, current.start(), cursor), cursor);
    }
    String name = word.substring(2, equals);
    String value = word.substring(equals + 1);
    int valueStart = current.start() + equals + 1;
    if (keyword == Keyword.RUN && name.equals("mount")) {
      return mount(item, value, valueStart, cursor);
    }
    Candidates candidates = Candidates.matching(value);
    if (keyword == Keyword.COPY && name.equals("from")) {
      candidates.addAll(completer.stages(), "stage");
      candidates.addAll(completer.source().storeImages(value), "image");
    } else {
      candidates.addAll(manual.flagValues(keyword, name), " ");
    }
    return candidates.at(Completer.startOf(item, valueStart, cursor), cursor);
  }

  private static boolean isGiven(FlagSpec flag, List<Word> given) {
    String spelled = flag.spelled();
    return given.stream()
        .anyMatch(w -> w.text().equals(spelled) || w.text().startsWith(spelled + "="));
  }

  /** Completes the field being typed in a {@code --mount=} value. */
  private Completions mount(Item item, String value, int valueStart, int cursor) {
    int comma = value.lastIndexOf(',');
    String field = value.substring(comma + 1);
    int fieldStart = valueStart + comma + 1;
    Map<String, String> given = fields(value.substring(0, Math.max(0, comma)));
    int equals = field.indexOf('=');
    if (equals < 0) {
      return mountKeys(given, field).at(Completer.startOf(item, fieldStart, cursor), cursor);
    }
    String key = field.substring(0, equals).toLowerCase(Locale.ROOT);
    Candidates candidates = mountValue(given, key, field.substring(equals + 1));
    return candidates.at(Completer.startOf(item, fieldStart + equals + 1, cursor), cursor);
  }

  /** The keys of the chosen mount type (bind by default) not given yet. */
  private Candidates mountKeys(Map<String, String> given, String prefix) {
    Candidates candidates = Candidates.matching(prefix);
    if (!given.containsKey("type")) {
      candidates.add("type=", "bind, cache, tmpfs, secret or ssh");
    }
    manual
        .mountKeys(given.getOrDefault("type", "bind"))
        .forEach(
            (key, summary) -> {
              if (!given.containsKey(key)) {
                candidates.add(SWITCHES.contains(key) ? key : key + "=", summary);
              }
            });
    return candidates;
  }

  /** The values of mount key {@code key}: enumerated ones, stages, or paths from the source. */
  private Candidates mountValue(Map<String, String> given, String key, String prefix) {
    Candidates candidates = Candidates.matching(prefix);
    candidates.addAll(manual.mountValues(key), "");
    CompletionSource source = completer.source();
    switch (key) {
      case "from":
        return candidates
            .addAll(completer.stages(), "stage")
            .addAll(source.storeImages(prefix), "image");
      case "source":
      case "src":
        String from = given.getOrDefault("from", "");
        return candidates.addAll(
            from.isEmpty() ? source.contextPaths(prefix) : source.stagePaths(from, prefix), "");
      case "target":
      case "dst":
      case "destination":
        return candidates.addAll(source.imagePaths(prefix), "");
      default:
        return candidates;
    }
  }

  /** The {@code key=value} fields of a mount specification, keys in lower case. */
  private static Map<String, String> fields(String spec) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>(List.of(spec.split(",")));
    for (String part : parts) {
      int equals = part.indexOf('=');
      String key = (equals < 0 ? part : part.substring(0, equals)).toLowerCase(Locale.ROOT);
      if (!key.isEmpty()) {
        fields.put(key, equals < 0 ? "" : part.substring(equals + 1));
      }
    }
    return fields;
  }
}
