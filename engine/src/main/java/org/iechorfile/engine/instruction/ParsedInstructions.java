package org.iechorfile.engine.instruction;

import java.util.List;
import org.iechorfile.engine.Diagnostic;

/**
 * The typed instructions of a whole file.
 *
 * @param instructions every instruction that typed without errors, in source order
 * @param diagnostics the line parser's diagnostics and the instruction errors and lint warnings,
 *     sorted by position
 * @param escape the file's escape character, which expansion needs
 */
public record ParsedInstructions(
    List<Instruction> instructions, List<Diagnostic> diagnostics, char escape) {

  public ParsedInstructions {
    instructions = List.copyOf(instructions);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
