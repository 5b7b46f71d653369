package org.iechorfile.engine.instruction;

import java.util.Objects;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code USER user}: the user (and group) that runs later commands.
 *
 * @param source the node it was typed from
 * @param user the argument as written
 */
public record User(Node source, String user) implements Instruction {

  public User {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(user, "user");
  }

  @Override
  public Keyword keyword() {
    return Keyword.USER;
  }
}
