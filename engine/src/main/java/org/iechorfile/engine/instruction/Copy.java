package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code COPY [flags] src… dest}: copies from the context, a stage or an image.
 *
 * @param source the node it was typed from
 * @param sources the source paths or patterns, as written
 * @param heredocSources the sources written as heredocs, in marker order
 * @param destination the destination path, as written (a trailing {@code /} is significant)
 * @param from the {@code --from} stage, index, image or named context, if given; never expanded
 * @param chown the {@code --chown} value, if given
 * @param chmod the {@code --chmod} value, if given
 * @param link whether {@code --link} was given
 * @param parents whether {@code --parents} was given
 * @param excludes the {@code --exclude} patterns, in order
 */
public record Copy(
    Node source,
    List<String> sources,
    List<HeredocSource> heredocSources,
    String destination,
    Optional<String> from,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean parents,
    List<String> excludes)
    implements Instruction {

  public Copy {
    Objects.requireNonNull(source, "source");
    sources = List.copyOf(sources);
    heredocSources = List.copyOf(heredocSources);
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(chown, "chown");
    Objects.requireNonNull(chmod, "chmod");
    excludes = List.copyOf(excludes);
  }

  @Override
  public Keyword keyword() {
    return Keyword.COPY;
  }
}
