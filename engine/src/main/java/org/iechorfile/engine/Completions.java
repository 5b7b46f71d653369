package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What may be typed at the cursor: candidates that replace the code points from {@code start} to
 * {@code end} of the input.
 *
 * @param start code-point offset where the replaced text begins
 * @param end code-point offset where it ends (the cursor); at least {@code start}
 * @param candidates the candidates, best first; empty when nothing fits
 */
public record Completions(int start, int end, List<Completions.Candidate> candidates) {

  /**
   * One completion.
   *
   * @param text the replacement text; ends with a space when the word is finished ({@code RUN })
   * @param description a short description for menus, or empty
   */
  public record Candidate(String text, String description) {

    public Candidate {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(description, "description");
    }
  }

  public Completions {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad replacement range " + start + ".." + end);
    }
    candidates = List.copyOf(candidates);
  }

  /** No candidates, at {@code cursor}. */
  public static Completions none(int cursor) {
    return new Completions(cursor, cursor, List.of());
  }

  /** The candidates' texts, in order. */
  public List<String> texts() {
    return candidates.stream().map(Candidate::text).collect(Collectors.toList());
  }
}
