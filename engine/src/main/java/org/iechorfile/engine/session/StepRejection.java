package org.iechorfile.engine.session;

import java.util.List;
import org.iechorfile.engine.Diagnostic;

/** A step's input was wrong in a way only dispatch can see (a bad port, an unknown stage). */
final class StepRejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  StepRejection(Diagnostic diagnostic) {
    super(diagnostic.message());
    this.diagnostics = List.of(diagnostic);
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
