package org.iechorfile.engine.syntax;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link Variables} backed by a map, with names compared exactly or case-insensitively. */
final class MapVariables implements Variables {

  private final Map<String, String> values;
  private final Set<String> names;
  private final boolean ignoreCase;

  private MapVariables(Map<String, String> values, Set<String> names, boolean ignoreCase) {
    this.values = values;
    this.names = names;
    this.ignoreCase = ignoreCase;
  }

  static MapVariables caseSensitive(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new MapVariables(copy, Expansion.orderedCopy(new TreeSet<>(copy.keySet())), false);
  }

  static MapVariables caseInsensitive(Map<String, String> values) {
    Map<String, String> folded = new LinkedHashMap<>();
    Map<String, String> namesByFold = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          String key = fold(Objects.requireNonNull(name));
          folded.put(key, Objects.requireNonNull(value));
          namesByFold.remove(key);
          namesByFold.put(key, name);
        });
    return new MapVariables(
        Map.copyOf(folded), Expansion.orderedCopy(new LinkedHashSet<>(namesByFold.values())), true);
  }

  @Override
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(values.get(ignoreCase ? fold(name) : name));
  }

  @Override
  public Set<String> names() {
    return names;
  }

  /**
   * Upper-cases code point by code point with the simple case mapping, as Go's {@code
   * strings.ToUpper} does; {@link String#toUpperCase} would turn {@code ß} into {@code SS}.
   */
  private static String fold(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    name.codePoints().map(Character::toUpperCase).forEach(folded::appendCodePoint);
    return folded.toString();
  }

  @Override
  public String toString() {
    return (ignoreCase ? "case-insensitive " : "") + "variables " + names;
  }
}
