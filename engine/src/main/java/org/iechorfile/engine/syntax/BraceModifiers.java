package org.iechorfile.engine.syntax;

import java.util.Optional;
import org.iechorfile.engine.syntax.GlobPattern.InvalidPatternException;

/** What each {@code ${name<modifier>operand}} form gives, once its operand has been expanded. */
final class BraceModifiers {

  /** The modifier failed; the message is the reference builder's. */
  static final class ModifierFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean atModifier;

    ModifierFailure(String message, boolean atModifier) {
      super(message);
      this.atModifier = atModifier;
    }

    /** Whether the modifier itself is wrong, rather than the whole {@code ${...}}. */
    boolean atModifier() {
      return atModifier;
    }
  }

  private BraceModifiers() {}

  /**
   * Applies {@code -}, {@code +}, {@code ?}, {@code #}, {@code ##}, {@code %} or {@code %%}, with
   * or without {@code :}.
   *
   * @param modifierText the modifier as written: {@code -}, {@code :-}, {@code #}, {@code :=} ...
   * @param nullIsUnset whether {@code :} made an empty value count as unset
   * @param operand the expanded text after the modifier; for {@code #} and {@code %} it still has
   *     its escapes, and a leading repeat of the modifier asks for the longest match
   */
  static String apply(
      String name,
      Optional<String> variable,
      String modifierText,
      boolean nullIsUnset,
      String operand)
      throws ModifierFailure {
    String value = variable.orElse("");
    boolean empty = variable.isEmpty() || (nullIsUnset && value.isEmpty());
    char modifier = modifierText.charAt(modifierText.length() - 1);
    if (nullIsUnset && modifierText.length() != 2) {
      modifier = 0; // ':' followed by the end of the word
    }
    switch (modifier) {
      case '-':
        return empty ? operand : value;
      case '+':
        return empty ? "" : operand;
      case '?':
        if (variable.isEmpty()) {
          throw new ModifierFailure(
              name + ": " + (operand.isEmpty() ? "is not allowed to be unset" : operand), false);
        }
        if (empty) {
          throw new ModifierFailure(
              name + ": " + (operand.isEmpty() ? "is not allowed to be empty" : operand), false);
        }
        return value;
      case '#':
      case '%':
        return removeMatch(value, modifier, operand);
      default:
        throw new ModifierFailure(
            "unsupported modifier (" + modifierText + ") in substitution", true);
    }
  }

  private static String removeMatch(String value, char modifier, String operand)
      throws ModifierFailure {
    boolean longest = !operand.isEmpty() && operand.charAt(0) == modifier;
    String pattern = longest ? operand.substring(1) : operand;
    try {
      return modifier == '#'
          ? PatternEdits.removePrefix(value, pattern, longest)
          : PatternEdits.removeSuffix(value, pattern, longest);
    } catch (InvalidPatternException e) {
      throw invalidPattern(pattern, e);
    }
  }

  /** {@code ${name/pattern/replacement}} or, with {@code all}, {@code ${name//...}}. */
  static String replace(Optional<String> variable, String pattern, String replacement, boolean all)
      throws ModifierFailure {
    try {
      return PatternEdits.replace(variable.orElse(""), pattern, replacement, all);
    } catch (InvalidPatternException e) {
      throw invalidPattern(pattern, e);
    }
  }

  private static ModifierFailure invalidPattern(String pattern, InvalidPatternException e) {
    return new ModifierFailure(
        "invalid pattern (" + pattern + ") in substitution: " + e.getMessage(), false);
  }
}
