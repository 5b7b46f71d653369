package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code MAINTAINER name}: the image author (deprecated in favour of a label).
 *
 * @param source the node it was typed from
 * @param name the argument as written
 */
public record Maintainer(Node source, String name) implements Instruction {

  public Maintainer {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Keyword keyword() {
    return Keyword.MAINTAINER;
  }
}
