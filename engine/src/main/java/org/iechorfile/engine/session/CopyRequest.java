package org.iechorfile.engine.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.instruction.Add;
import org.iechorfile.engine.instruction.Copy;
import org.iechorfile.engine.instruction.HeredocSource;
import org.iechorfile.engine.syntax.Node;

/**
 * What a COPY or ADD asks for, after expansion, in one shape for both.
 *
 * @param keyword {@code COPY} or {@code ADD}
 * @param node the instruction as typed
 * @param sources the source paths, patterns, URLs or git references
 * @param heredocs the sources written as heredocs
 * @param destination the destination as written
 * @param from {@code --from} (COPY only)
 * @param chown {@code --chown}
 * @param chmod {@code --chmod}
 * @param link {@code --link}
 * @param parents {@code --parents} (COPY only)
 * @param excludes {@code --exclude} patterns
 * @param keepGitDir {@code --keep-git-dir} (ADD only)
 * @param checksum {@code --checksum} (ADD only)
 * @param unpack {@code --unpack} (ADD only; by default local archives are unpacked, URLs not)
 */
record CopyRequest(
    String keyword,
    Node node,
    List<String> sources,
    List<HeredocSource> heredocs,
    String destination,
    Optional<String> from,
    Optional<String> chown,
    Optional<String> chmod,
    boolean link,
    boolean parents,
    List<String> excludes,
    boolean keepGitDir,
    Optional<String> checksum,
    Optional<Boolean> unpack) {

  CopyRequest {
    sources = List.copyOf(sources);
    heredocs = List.copyOf(heredocs);
    excludes = List.copyOf(excludes);
  }

  static CopyRequest of(Copy copy) {
    return new CopyRequest(
        "COPY",
        copy.source(),
        copy.sources(),
        copy.heredocSources(),
        copy.destination(),
        copy.from(),
        copy.chown(),
        copy.chmod(),
        copy.link(),
        copy.parents(),
        copy.excludes(),
        false,
        Optional.empty(),
        Optional.empty());
  }

  static CopyRequest of(Add add) {
    return new CopyRequest(
        "ADD",
        add.source(),
        add.sources(),
        add.heredocSources(),
        add.destination(),
        Optional.empty(),
        add.chown(),
        add.chmod(),
        add.link(),
        false,
        add.excludes(),
        add.keepGitDir(),
        add.checksum(),
        add.unpack());
  }

  boolean isAdd() {
    return keyword.equals("ADD");
  }

  /** How many sources were written, heredocs included. */
  int sourceCount() {
    return sources.size() + heredocs.size();
  }

  /** The instruction for the image history, as BuildKit writes it. */
  String history() {
    List<String> words = new ArrayList<>(sources);
    heredocs.forEach(h -> words.add("<<" + h.name()));
    words.add(destination);
    return keyword + " " + String.join(" ", words) + " # buildkit";
  }
}
