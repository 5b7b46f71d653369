package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.Diagnostic;

/**
 * What typing one instruction gave: the instruction, or the errors that stopped it; lint warnings
 * in either case.
 *
 * @param instruction the typed instruction; present exactly when no diagnostic is an error
 * @param diagnostics errors and warnings, in source order
 */
public record ParseResult(Optional<Instruction> instruction, List<Diagnostic> diagnostics) {

  public ParseResult {
    Objects.requireNonNull(instruction, "instruction");
    diagnostics = List.copyOf(diagnostics);
    boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
    if (errors == instruction.isPresent()) {
      throw new IllegalArgumentException(
          "an instruction is present exactly when there are no errors: " + diagnostics);
    }
  }

  /** Whether typing failed. */
  public boolean hasErrors() {
    return instruction.isEmpty();
  }
}
