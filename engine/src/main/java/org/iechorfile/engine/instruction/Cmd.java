package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code CMD command}: the default command of the image; only the last one in a stage counts.
 *
 * @param source the node it was typed from
 * @param command the command, exec or shell form, never expanded by the builder
 */
public record Cmd(Node source, CommandForm command) implements Instruction {

  public Cmd {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(command, "command");
  }

  @Override
  public Keyword keyword() {
    return Keyword.CMD;
  }
}
