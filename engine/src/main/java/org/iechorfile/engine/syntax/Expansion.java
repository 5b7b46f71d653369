package org.iechorfile.engine.syntax;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The result of expanding one word without splitting it ({@link ShellLexer#processWord}).
 *
 * @param value the word with variables substituted and, unless the lexer keeps them, quotes and
 *     escapes removed
 * @param used every variable name the word looked up, set or not, in the order of first lookup
 *     (positional and special parameters such as {@code 1} or {@code @} included); the build cache
 *     keys on the values of these
 * @param unset the names in {@code used} that had no value (they expanded to the empty string or to
 *     a default), in the same order; the {@code UndefinedVar} check reports these
 */
public record Expansion(String value, Set<String> used, Set<String> unset) {

  public Expansion {
    Objects.requireNonNull(value, "value");
    used = orderedCopy(used);
    unset = orderedCopy(unset);
    if (!used.containsAll(unset)) {
      throw new IllegalArgumentException("unset names must be among the used names: " + unset);
    }
  }

  /**
   * An unmodifiable copy that keeps the iteration order, so that anything derived from it (cache
   * keys, lint messages) is deterministic; {@link Set#copyOf} does not promise an order.
   */
  static Set<String> orderedCopy(Set<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    LinkedHashSet<String> copy = new LinkedHashSet<>();
    for (String name : names) {
      copy.add(Objects.requireNonNull(name, "name"));
    }
    return Collections.unmodifiableSet(copy);
  }
}
