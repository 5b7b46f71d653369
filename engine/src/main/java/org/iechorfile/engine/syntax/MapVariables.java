package org.iechorfile.engine.syntax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Variables} backed by a map, with names compared exactly or case-insensitively. */
final class MapVariables implements Variables {

  private final Map<String, String> values;
  private final boolean ignoreCase;

  private MapVariables(Map<String, String> values, boolean ignoreCase) {
    this.values = values;
    this.ignoreCase = ignoreCase;
  }

  static MapVariables caseSensitive(Map<String, String> values) {
    return new MapVariables(Map.copyOf(values), false);
  }

  static MapVariables caseInsensitive(Map<String, String> values) {
    Map<String, String> folded = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            folded.put(fold(Objects.requireNonNull(name)), Objects.requireNonNull(value)));
    return new MapVariables(Map.copyOf(folded), true);
  }

  @Override
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(values.get(ignoreCase ? fold(name) : name));
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
    return (ignoreCase ? "case-insensitive " : "") + "variables " + values.keySet();
  }
}
