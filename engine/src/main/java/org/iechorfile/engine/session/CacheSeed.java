package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.tar.IdMap;

/**
 * The first content of a {@code RUN --mount=type=cache,from=STAGE,source=PATH} directory: a copy of
 * a directory of a stage or image, made as {@code COPY --from} copies one (modes, owners, links and
 * times kept).
 *
 * @param tree the stage's or image's files
 * @param path the directory in it (relative, empty for its root)
 * @param identity what tells this base from another, for the cache directory's name
 */
record CacheSeed(SourceTree tree, String path, String identity) {

  /** Copies the directory into {@code target}, an empty directory that takes its mode and owner. */
  void copyInto(Path target) throws IOException {
    Optional<SourceTree.Entry> root = tree.entry(path);
    if (root.isEmpty()) {
      return;
    }
    List<CopySources.Item> items = new ArrayList<>();
    CopySources.collect(tree, root.get(), "/", IgnoreRules.none(), path, items);
    DraftFiles files =
        new DraftFiles(
            target,
            new ImageTree(List.of(new LayerRef("seed", target, "-", 0)), "the cache"),
            FileModes.unchanged(),
            Optional.empty());
    try {
      for (CopySources.Item item : items) {
        files.write(item);
      }
    } catch (StepFailure e) {
      throw new IOException(e.failure().message(), e);
    }
    files.finish();
    IdMap.setOwner(target, root.get().uid(), root.get().gid());
    Files.setAttribute(target, "unix:mode", root.get().mode() & 07777, LinkOption.NOFOLLOW_LINKS);
    Files.setLastModifiedTime(target, FileTime.fromMillis(root.get().mtime()));
  }
}
