package org.iechorfile.engine.syntax;

import java.util.List;
import java.util.Set;

/**
 * The result of expanding a text and splitting it into words ({@link ShellLexer#processWords}).
 *
 * @param words the words, in order; never contains an empty string
 * @param used every variable name the text looked up, set or not, in the order of first lookup
 * @param unset the names in {@code used} that had no value, in the same order
 */
public record Expansions(List<String> words, Set<String> used, Set<String> unset) {

  public Expansions {
    words = List.copyOf(words);
    if (words.contains("")) {
      throw new IllegalArgumentException("words are never empty: " + words);
    }
    used = Expansion.orderedCopy(used);
    unset = Expansion.orderedCopy(unset);
    if (!used.containsAll(unset)) {
      throw new IllegalArgumentException("unset names must be among the used names: " + unset);
    }
  }
}
