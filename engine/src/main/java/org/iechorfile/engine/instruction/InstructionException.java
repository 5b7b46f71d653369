package org.iechorfile.engine.instruction;

import java.util.List;

/**
 * A mistake in one instruction, found while typing it. Internal to this package: the parser turns
 * it into a {@link org.iechorfile.engine.Diagnostic} whose span covers {@code offending} when that
 * text can be found in the instruction's source.
 */
final class InstructionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String offending;
  private final transient List<String> suggestions;

  InstructionException(String message, String offending, List<String> suggestions) {
    super(message);
    this.offending = offending;
    this.suggestions = List.copyOf(suggestions);
  }

  InstructionException(String message, String offending) {
    this(message, offending, List.of());
  }

  InstructionException(String message) {
    this(message, "", List.of());
  }

  /** The text the mistake is in ({@code --form}), or empty when it is the whole instruction. */
  String offending() {
    return offending;
  }

  /** Replacements that would fix it, best first. */
  List<String> suggestions() {
    return suggestions;
  }
}
