package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code ARG name[=default] …}: declares build arguments.
 *
 * @param source the node it was typed from
 * @param definitions the names with their optional defaults, in order
 */
public record Arg(Node source, List<ArgDefinition> definitions) implements Instruction {

  public Arg {
    Objects.requireNonNull(source, "source");
    definitions = List.copyOf(definitions);
  }

  @Override
  public Keyword keyword() {
    return Keyword.ARG;
  }
}
