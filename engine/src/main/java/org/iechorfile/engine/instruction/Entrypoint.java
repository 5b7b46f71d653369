package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code ENTRYPOINT command}: the executable of the image; {@code ENTRYPOINT []} clears it.
 *
 * @param source the node it was typed from
 * @param command the command, exec or shell form, never expanded by the builder
 */
public record Entrypoint(Node source, CommandForm command) implements Instruction {

  public Entrypoint {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public Keyword keyword() {
    return Keyword.ENTRYPOINT;
  }
}
