package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code VOLUME path …}: marks mount points for volumes.
 *
 * @param source the node it was typed from
 * @param paths the paths as written, trimmed
 */
public record Volume(Node source, List<String> paths) implements Instruction {

  public Volume {
    Objects.requireNonNull(source, "source");
    paths = List.copyOf(paths);
  }

  @Override
  public Keyword keyword() {
    return Keyword.VOLUME;
  }
}
