package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code ENV key=value …} (or the legacy {@code ENV key value}): sets environment variables.
 *
 * @param source the node it was typed from
 * @param pairs the pairs in order, raw
 * @param legacy whether it was written in the legacy {@code ENV key value} form
 */
public record Env(Node source, List<KeyValue> pairs, boolean legacy) implements Instruction {

  public Env {
    Objects.requireNonNull(source, "source");
    pairs = List.copyOf(pairs);
  }

  @Override
  public Keyword keyword() {
    return Keyword.ENV;
  }
}
