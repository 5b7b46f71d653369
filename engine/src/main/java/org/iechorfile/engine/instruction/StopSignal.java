package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code STOPSIGNAL signal}: the signal that stops the container.
 *
 * @param source the node it was typed from
 * @param signal the argument as written
 */
public record StopSignal(Node source, String signal) implements Instruction {

  public StopSignal {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(signal, "signal");
  }

  @Override
  public Keyword keyword() {
    return Keyword.STOPSIGNAL;
  }
}
