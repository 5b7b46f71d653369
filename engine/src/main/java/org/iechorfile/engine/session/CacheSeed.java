package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.tar.IdMap;

/**
 * The first content of a {@code RUN --mount=type=cache,from=STAGE,source=PATH} directory: a copy of
 * a directory of a stage or image, with its modes, owners, links and times.
 *
 * @param tree the stage's or image's files
 * @param path the directory in it (relative, empty for its root)
 * @param identity what tells this base from another, for the cache directory's name
 */
record CacheSeed(SourceTree tree, String path, String identity) {

  /** Copies the directory into {@code target}, an empty directory that takes its mode and owner. */
  void copyInto(Path target) throws IOException {
    Optional<SourceTree.Entry> root = tree.entry(path);
    if (root.isPresent()) {
      apply(root.get(), target);
    }
    copyChildren(path, target);
    if (root.isPresent()) {
      Files.setLastModifiedTime(target, FileTime.fromMillis(root.get().mtime()));
    }
  }

  private void copyChildren(String directory, Path target) throws IOException {
    List<Path> directories = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (String name : tree.children(directory)) {
      String child = directory.isEmpty() ? name : directory + "/" + name;
      Optional<SourceTree.Entry> found = tree.entry(child);
      if (found.isEmpty()) {
        continue;
      }
      SourceTree.Entry entry = found.get();
      Path copy = target.resolve(name);
      switch (entry.type()) {
        case DIRECTORY -> {
          Files.createDirectory(copy);
          copyChildren(child, copy);
          apply(entry, copy);
          directories.add(copy);
          times.add(entry.mtime());
        }
        case FILE -> {
          Files.copy(entry.file(), copy, StandardCopyOption.COPY_ATTRIBUTES);
          apply(entry, copy);
        }
        case SYMLINK -> {
          Files.createSymbolicLink(copy, Path.of(entry.linkTarget()));
          IdMap.setOwner(copy, entry.uid(), entry.gid());
        }
        case OTHER -> {
          // Devices, sockets and pipes have no place in a cache.
        }
      }
    }
    // Directory times last, since filling a directory changes its time.
    for (int i = 0; i < directories.size(); i++) {
      Files.setLastModifiedTime(directories.get(i), FileTime.fromMillis(times.get(i)));
    }
  }

  private static void apply(SourceTree.Entry entry, Path copy) throws IOException {
    IdMap.setOwner(copy, entry.uid(), entry.gid());
    // After the owner: changing the owner clears setuid and setgid bits.
    Files.setAttribute(copy, "unix:mode", entry.mode() & 07777, LinkOption.NOFOLLOW_LINKS);
  }
}
