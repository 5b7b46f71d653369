package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code WORKDIR path}: the working directory; relative paths resolve against the previous one.
 *
 * @param source the node it was typed from
 * @param path the argument as written
 */
public record Workdir(Node source, String path) implements Instruction {

  public Workdir {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
  }

  @Override
  public Keyword keyword() {
    return Keyword.WORKDIR;
  }
}
