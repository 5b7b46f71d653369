package org.iechorfile.engine.instruction;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.Diagnostic;

/**
 * What expanding one instruction's variables gave.
 *
 * @param instruction the instruction with the fields the builder expands replaced by their
 *     expansions; present exactly when {@code diagnostics} holds no error
 * @param used every variable name looked up, in order of first lookup (the build cache keys on
 *     their values)
 * @param unset the names in {@code used} that had no value (for {@code UndefinedVar})
 * @param diagnostics the expansion error, if any
 */
public record ExpansionResult(
    Optional<Instruction> instruction,
    Set<String> used,
    Set<String> unset,
    List<Diagnostic> diagnostics) {

  public ExpansionResult {
    Objects.requireNonNull(instruction, "instruction");
    used = Collections.unmodifiableSet(new LinkedHashSet<>(used));
    unset = Collections.unmodifiableSet(new LinkedHashSet<>(unset));
    diagnostics = List.copyOf(diagnostics);
    if (diagnostics.stream().anyMatch(Diagnostic::isError) == instruction.isPresent()) {
      throw new IllegalArgumentException(
          "an instruction is present exactly when there are no errors: " + diagnostics);
    }
  }
}
