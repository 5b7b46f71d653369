package org.iechorfile.engine.instruction;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.syntax.Keyword;
import org.iechorfile.engine.syntax.Node;

/**
 * {@code ADD [flags] src… dest}: like COPY, and also URLs, git repositories and tar extraction.
 *
 * @param source the node it was typed from
 * @param sources the source paths, patterns, URLs or git references, as written
 * @param heredocSources the sources written as heredocs, in marker order
 * @param destination the destination path, as written (a trailing {@code /} is significant)
 * @param chown the {@code --chown} value, if given
 * @param chmod the {@code --chmod} value, if given
 * @param link whether {@code --link} was given
 * @param keepGitDir whether {@code --keep-git-dir} was given
 * @param checksum the {@code --checksum} value, if given
 * @param unpack the {@code --unpack} value, if given (by default local tars are unpacked, URLs not)
 * @param excludes the {@code --exclude} patterns, in order
 */
public record Add(
    Node source,
    List<String> sources,
    List<HeredocSource> heredocSources,
    String destination,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean keepGitDir,
    Optional<String> checksum,
    Optional<Boolean> unpack,
    List<String> excludes)
    implements Instruction {

  public Add {
    Objects.requireNonNull(source, "source");
    sources = List.copyOf(sources);
    heredocSources = List.copyOf(heredocSources);
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(chown, "chown");
    Objects.requireNonNull(chmod, "chmod");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(unpack, "unpack");
    excludes = List.copyOf(excludes);
  }

  @Override
  public Keyword keyword() {
    return Keyword.ADD;
  }
}
