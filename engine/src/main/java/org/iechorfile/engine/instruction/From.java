package org.iechorfile.engine.instruction;

import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code FROM [--platform=p] image [AS name]}: starts a build stage.
 *
 * @param source the node it was typed from
 * @param image the base image reference as written, or {@code scratch}
 * @param platform the {@code --platform} value as written, if given
 * @param stageName the stage name, lower-cased, if {@code AS name} was given
 */
public record From(Node source, String image, Optional<String> platform, Optional<String> stageName)
    implements Instruction {

  public From {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(stageName, "stageName");
  }

  @Override
  public Keyword keyword() {
    return Keyword.FROM;
  }
}
