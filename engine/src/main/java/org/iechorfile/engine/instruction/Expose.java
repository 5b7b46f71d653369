package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code EXPOSE port[/proto] …}: documents the ports the container listens on.
 *
 * @param source the node it was typed from
 * @param ports the port specifications as written; after {@link InstructionExpander} the image
 *     config's entries ({@code 80/tcp}), one per port
 */
public record Expose(Node source, List<String> ports) implements Instruction {

  public Expose {
    Objects.requireNonNull(source, "source");
    ports = List.copyOf(ports);
  }

  @Override
  public Keyword keyword() {
    return Keyword.EXPOSE;
  }
}
