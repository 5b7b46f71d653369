package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects completion candidates that match a prefix, without duplicates, in the order added. */
final class Candidates {

  private final String prefix;
  private final boolean ignoreCase;
  private final Map<String, Completions.Candidate> found = new LinkedHashMap<>();

  private Candidates(String prefix, boolean ignoreCase) {
    this.prefix = ignoreCase ? prefix.toUpperCase(Locale.ROOT) : prefix;
    this.ignoreCase = ignoreCase;
  }

  /** Candidates that must start with {@code prefix} exactly. */
  static Candidates matching(String prefix) {
    return new Candidates(prefix, false);
  }

  /** Candidates that must start with {@code prefix} in any case. */
  static Candidates matchingAnyCase(String prefix) {
    return new Candidates(prefix, true);
  }

  Candidates add(String text, String description) {
    String compared = ignoreCase ? text.toUpperCase(Locale.ROOT) : text;
    if (compared.startsWith(prefix) && !found.containsKey(text)) {
      found.put(text, new Completions.Candidate(text, description));
    }
    return this;
  }

  Candidates addAll(List<String> texts, String description) {
    for (String text : texts) {
      add(text, description);
    }
    return this;
  }

  Candidates addAll(Map<String, String> texts, String suffix) {
    texts.forEach((text, description) -> add(text + suffix, description));
    return this;
  }

  Completions at(int start, int end) {
    return new Completions(start, end, new ArrayList<>(found.values()));
  }
}
