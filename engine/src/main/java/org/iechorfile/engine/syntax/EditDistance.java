package org.iechorfile.engine.syntax;

/**
 * How far apart two words are, for "did you mean" suggestions on mistyped keywords, flags and
 * {@code %} commands: the optimal string alignment distance (insertions, deletions, substitutions
 * and swaps of adjacent letters, each counting one).
 */
public final class EditDistance {

  private EditDistance() {}

  /**
   * The distance between {@code a} and {@code b}, or {@code limit + 1} when it is certainly larger
   * than {@code limit} (their lengths differ by more).
   */
  public static int between(String a, String b, int limit) {
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
}
