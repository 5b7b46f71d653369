package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code ONBUILD instruction}: a trigger that runs in builds based on this image.
 *
 * @param source the node it was typed from
 * @param trigger the trigger instruction, typed (it is expanded only when it runs downstream)
 * @param expression the trigger's raw text as stored in the image config, heredoc bodies included
 */
public record Onbuild(Node source, Instruction trigger, String expression) implements Instruction {

  public Onbuild {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(expression, "expression");
  }

  @Override
  public Keyword keyword() {
    return Keyword.ONBUILD;
  }
}
