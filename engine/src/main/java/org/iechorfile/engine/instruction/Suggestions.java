package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.iechorfile.engine.syntax.EditDistance;

/**
 * "Did you mean" candidates by edit distance (optimal string alignment, so a swap of two
 * neighbouring letters counts once: {@code CPOY} is one edit from {@code COPY}).
 */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidates close to {@code word}, nearest first; ties keep the order of {@code candidates}.
   * Short words allow one edit, longer ones two. Comparison ignores case.
   */
  static List<String> closest(String word, List<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    int limit = lower.length() < 4 ? 1 : 2;
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      int distance = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT), limit);
      if (distance <= limit && distance > 0) {
        scored.add(new Scored(candidate, distance));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance));
    return scored.stream().map(Scored::candidate).toList();
  }

  /** The message suffix for {@code suggestions}: {@code " (did you mean COPY?)"}, or empty. */
  static String didYouMean(List<String> suggestions) {
    return suggestions.isEmpty() ? "" : " (did you mean " + suggestions.get(0) + "?)";
  }

  private record Scored(String candidate, int distance) {}
}
