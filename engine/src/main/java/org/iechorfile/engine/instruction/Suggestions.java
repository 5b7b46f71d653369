package org.iechorfile.engine.instruction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), limit);
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

  /** Optimal string alignment distance, or {@code limit + 1} when it is certainly larger. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }

  private record Scored(String candidate, int distance) {}
}
