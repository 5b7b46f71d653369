package org.iechorfile.engine.syntax;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where variable expansion looks up names: the build arguments and environment in effect for an
 * instruction. Implementations are immutable and safe to share between threads.
 */
public interface Variables {

  /**
   * The value of {@code name}, or empty when it is not set. A variable set to the empty string is
   * set: it returns {@code Optional.of("")}.
   *
   * @param name the name as written in the word ({@code PATH}, {@code 1}, {@code @}); never null
   */
  Optional<String> get(String name);

  /**
   * The names that are set, as they were given, in a stable order; for suggestions such as "did you
   * mean $HOME?" when a word refers to an unset name.
   */
  Set<String> names();

  /** No variable is set. */
  static Variables none() {
    return of(Map.of());
  }

  /**
   * Variables with case-sensitive names, as on Linux. The map is copied.
   *
   * @param values name to value; neither may be null
   */
  static Variables of(Map<String, String> values) {
    return MapVariables.caseSensitive(values);
  }

  /**
   * Variables whose names match regardless of case, as BuildKit does for Windows images ({@code
   * $pwd} finds {@code PWD}). The map is copied; when two names differ only in case, the one the
   * map iterates last wins, so pass an ordered map (for example a {@link java.util.LinkedHashMap}
   * in assignment order) to get the shell's "later assignment wins".
   *
   * @param values name to value; neither may be null
   */
  static Variables caseInsensitive(Map<String, String> values) {
    return MapVariables.caseInsensitive(values);
  }
}
