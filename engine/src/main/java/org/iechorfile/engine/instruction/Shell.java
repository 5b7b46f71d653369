package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code SHELL ["executable", "parameters"]}: the shell for later shell-form commands.
 *
 * @param source the node it was typed from
 * @param shell the shell and its parameters, never empty
 */
public record Shell(Node source, List<String> shell) implements Instruction {

  public Shell {
    Objects.requireNonNull(source, "source");
    shell = List.copyOf(shell);
    if (shell.isEmpty()) {
      throw new IllegalArgumentException("SHELL needs at least one element");
    }
  }

  @Override
  public Keyword keyword() {
    return Keyword.SHELL;
  }
}
