package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.instruction.HeredocSource;

/**
 * Finds the sources of one COPY or ADD: heredocs written to scratch files, downloads, git clones,
 * and paths or wildcards in the build context or in the stage or image of {@code --from}; local
 * archives that ADD unpacks are unpacked here into scratch directories.
 */
final class CopyPlan {

  /**
   * One source found.
   *
   * @param label what its cache-key parts are named after (empty for the context)
   * @param tree the tree it is in
   * @param entry its entry (a directory's contents are copied, the directory itself is not)
   * @param parentsPath its path kept under the destination with {@code --parents}, else empty
   */
  record Source(String label, SourceTree tree, SourceTree.Entry entry, String parentsPath) {}

  private final AddSources add;
  private final Clock clock;
  private final Path scratch;
  private int scratchCount;

  CopyPlan(AddSources add, Clock clock, Path scratch) {
    this.add = add;
    this.clock = clock;
    this.scratch = scratch;
  }

  /** The sources of {@code request}, read from {@code tree} (the context or {@code --from}). */
  List<Source> sources(CopyRequest request, Optional<SourceTree> tree, String treeLabel)
      throws IOException, StepFailure, InterruptedException {
    List<Source> found = new ArrayList<>();
    for (HeredocSource heredoc : request.heredocs()) {
      found.add(heredoc(heredoc));
    }
    for (String source : request.sources()) {
      if (request.isAdd() && AddSources.isGit(source)) {
        found.add(git(request, source));
      } else if (request.isAdd() && AddSources.isUrl(source)) {
        found.add(url(request, source));
      } else {
        found.addAll(local(request, source, tree.orElseThrow(), treeLabel));
      }
    }
    return found;
  }

  /** Whether some source of {@code request} is read from the context (or {@code --from}). */
  static boolean readsTree(CopyRequest request) {
    return request.sources().stream()
        .anyMatch(s -> !(request.isAdd() && (AddSources.isGit(s) || AddSources.isUrl(s))));
  }

  private Path scratch(String what) throws IOException {
    return Files.createDirectory(scratch.resolve(what + "-" + scratchCount++));
  }

  private Source heredoc(HeredocSource heredoc) throws IOException {
    Path file = scratch("heredoc").resolve("content");
    Files.writeString(file, heredoc.content(), StandardCharsets.UTF_8);
    SourceTree.Entry entry =
        new SourceTree.Entry(
            heredoc.name(),
            file,
            SourceTree.Type.FILE,
            0644,
            0,
            0,
            Files.size(file),
            "",
            clock.millis());
    return new Source("heredoc ", new ImageTree(List.of(), "a heredoc"), entry, "");
  }

  private Source url(CopyRequest request, String url)
      throws IOException, StepFailure, InterruptedException {
    Path file = scratch("download").resolve("content");
    add.download(url, request.checksum(), file);
    String name = AddSources.fileName(url);
    if (request.unpack().orElse(false) && AddSources.isArchive(file)) {
      return archive(file, url + " ");
    }
    SourceTree.Entry entry =
        new SourceTree.Entry(
            name,
            file,
            SourceTree.Type.FILE,
            0600,
            0,
            0,
            Files.size(file),
            "",
            Files.getLastModifiedTime(file).toMillis());
    return new Source(url + " ", new ImageTree(List.of(), url), entry, "");
  }

  private Source git(CopyRequest request, String source)
      throws IOException, StepFailure, InterruptedException {
    Path target = scratch("git").resolve("checkout");
    add.clone(source, request.keepGitDir(), target);
    int colon = source.indexOf('#') < 0 ? -1 : source.indexOf(':', source.indexOf('#'));
    String subdirectory = colon < 0 ? "" : IgnoreRules.clean(source.substring(colon + 1));
    ImageTree tree = new ImageTree(List.of(scratchLayer(target)), "git repository " + source);
    String root = tree.resolve(subdirectory);
    SourceTree.Entry entry = tree.entry(root).orElseThrow(() -> missing(request, source, tree));
    return new Source(source + " ", tree, entry, "");
  }

  private Source archive(Path file, String label) throws IOException, StepFailure {
    Path target = scratch("unpack").resolve("tree");
    AddSources.extract(file, target, label.strip());
    ImageTree tree = new ImageTree(List.of(scratchLayer(target)), "archive " + label.strip());
    return new Source(label, tree, tree.entry("").orElseThrow(), "");
  }

  private static LayerRef scratchLayer(Path directory) {
    return new LayerRef("scratch", directory, "-", 0);
  }

  private List<Source> local(CopyRequest request, String source, SourceTree tree, String treeLabel)
      throws IOException, StepFailure {
    if (tree instanceof ContextTree context && ContextTree.leavesRoot(source)) {
      throw context.outside(source);
    }
    String pivoted = pivot(source);
    List<String> matches = CopySources.glob(tree, stripPivot(source));
    if (matches.isEmpty()) {
      throw missing(request, source, tree);
    }
    List<Source> found = new ArrayList<>();
    for (String match : matches) {
      String resolved = tree.resolve(match);
      Optional<SourceTree.Entry> entry = tree.entry(resolved);
      if (entry.isEmpty()
          || (tree.ignored(resolved)
              && !(entry.get().type() == SourceTree.Type.DIRECTORY && tree.walkIgnored()))) {
        throw missing(request, source, tree);
      }
      String kept = request.parents() ? keptPath(match, pivoted) : "";
      if (request.isAdd()
          && entry.get().type() == SourceTree.Type.FILE
          && request.unpack().orElse(true)
          && AddSources.isArchive(entry.get().file())) {
        found.add(archive(entry.get().file(), treeLabel + match + "!"));
      } else {
        found.add(new Source(treeLabel, tree, entry.get(), kept));
      }
    }
    return found;
  }

  /** With {@code --parents}, the part of a source after a {@code /./} marker is what is kept. */
  private static String pivot(String source) {
    int marker = ("/" + source).indexOf("/./");
    return marker < 0 ? "" : IgnoreRules.clean(source.substring(0, marker));
  }

  private static String stripPivot(String source) {
    return source.replace("/./", "/");
  }

  private static String keptPath(String match, String pivot) {
    return CopySources.relative(pivot, match);
  }

  private static StepFailure missing(CopyRequest request, String source, SourceTree tree) {
    String hint =
        tree instanceof ContextTree
            ? "; check the name, and that the ignore file of the context does not exclude it"
            : "; check the name";
    return new StepFailure(
        Failure.of(
            Failure.Kind.MISSING_FILE,
            request.keyword()
                + " source "
                + source
                + " was not found in "
                + tree.describe()
                + hint));
  }
}
