package org.iechorfile.engine.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.Diagnostic;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.instruction.From;
import org.iechorfile.engine.instruction.Instruction;
import org.iechorfile.engine.syntax.Node;
import org.iechorfile.engine.syntax.ParsedFile;
import org.iechorfile.engine.syntax.Variables;

/** What a session reads from typed input before a step runs: errors by instruction, variables. */
final class StepInputs {

  private StepInputs() {}

  /** The variables an instruction sees: FROM the global ARGs, others ENV then ARGs in scope. */
  static Variables variables(ImageState state, Instruction instruction) {
    Map<String, String> values = new HashMap<>();
    if (instruction instanceof From || !state.inStage()) {
      values.putAll(state.globalArgs());
      return Variables.of(values);
    }
    values.putAll(state.args());
    for (String entry : state.config().env()) {
      int eq = entry.indexOf('=');
      values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    return Variables.of(values);
  }

  static boolean hasRealErrors(ParsedFile file) {
    return file.diagnostics().stream()
        .anyMatch(d -> d.isError() && !d.message().startsWith("file with no instructions"));
  }

  static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .filter(d -> !d.message().startsWith("file with no instructions"))
        .toList();
  }

  static List<Diagnostic> within(List<Diagnostic> diagnostics, Node node) {
    return diagnostics.stream().filter(d -> contains(node, d)).toList();
  }

  static boolean contains(Node node, Diagnostic d) {
    return d.span().startLine() >= node.span().startLine()
        && d.span().startLine() <= node.span().endLine();
  }

  /** The failure of a base image's ONBUILD trigger that cannot be applied. */
  static StepFailure triggerFailure(String trigger, List<Diagnostic> errors) {
    String why = errors.isEmpty() ? "it is not one instruction" : errors.get(0).message();
    return new StepFailure(
        Failure.of(
            Failure.Kind.UNSUPPORTED,
            "the base image's ONBUILD trigger \""
                + trigger
                + "\" cannot be applied: "
                + why
                + "; build on another image or fix the image that declares it"));
  }
}
