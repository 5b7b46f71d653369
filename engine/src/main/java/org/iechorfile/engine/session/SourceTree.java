package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tree COPY and ADD read from: the build context, or the merged layers of a stage or image. Paths
 * are relative, {@code /}-separated, with no leading {@code /}; the empty path is the root.
 */
interface SourceTree {

  /** What kind of file an entry is. */
  enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    OTHER
  }

  /**
   * One file of a source tree.
   *
   * @param path its path in the tree
   * @param file where its content is on this machine
   * @param type its kind
   * @param mode its permission bits (with setuid, setgid, sticky)
   * @param uid its owner
   * @param gid its group
   * @param size its size in bytes (files)
   * @param linkTarget the link's target (symbolic links), else empty
   * @param mtime its modification time, in milliseconds since the epoch
   */
  record Entry(
      String path,
      Path file,
      Type type,
      int mode,
      int uid,
      int gid,
      long size,
      String linkTarget,
      long mtime) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(linkTarget, "linkTarget");
    }
  }

  /** Names the tree in messages: "the build context /src/app", "stage build". */
  String describe();

  /** The entry at {@code path} itself (a final symbolic link is not followed); empty if none. */
  Optional<Entry> entry(String path) throws IOException;

  /** The names in directory {@code path}, sorted; empty when it is not a directory. */
  List<String> children(String path) throws IOException;

  /**
   * {@code path} with every symbolic link along it followed (the last one too), kept inside the
   * tree.
   *
   * @throws StepFailure when the path leaves the tree and the tree refuses that (the context)
   */
  String resolve(String path) throws IOException, StepFailure;

  /** Whether {@code path} (an entry the walk reached) is left out of copies by ignore rules. */
  boolean ignored(String path);

  /** Whether ignored directories must still be walked for exceptions. */
  boolean walkIgnored();
}
