package org.iechorfile.engine;

import java.util.List;
import java.util.Objects;

/**
 * The input was not a valid instruction (the first error channel); nothing changed.
 *
 * @param step the number the step would have had
 * @param source the input as typed
 * @param diagnostics what is wrong with it, with spans into {@code source}
 */
public record StepRejected(StepId step, String source, List<Diagnostic> diagnostics)
    implements SessionEvent {
  public StepRejected {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(source, "source");
    diagnostics = List.copyOf(diagnostics);
  }

  @Override
  public void deliverTo(SessionListener listener) {
    listener.stepRejected(this);
  }
}
