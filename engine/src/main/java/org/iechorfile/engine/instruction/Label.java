package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code LABEL key=value …} (or the legacy {@code LABEL key value}): sets image labels.
 *
 * @param source the node it was typed from
 * @param pairs the pairs in order, raw
 * @param legacy whether it was written in the legacy {@code LABEL key value} form
 */
public record Label(Node source, List<KeyValue> pairs, boolean legacy) implements Instruction {

  public Label {
    Objects.requireNonNull(source, "source");
    pairs = List.copyOf(pairs);
  }

  @Override
  public Keyword keyword() {
    return Keyword.LABEL;
  }
}
