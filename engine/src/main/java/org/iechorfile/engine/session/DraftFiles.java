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
import org.iechorfile.engine.Failure;
import org.iechorfile.engine.tar.IdMap;

/**
 * Writes copied files into a step's new layer (an overlay upper directory). Parent directories the
 * image already has are recreated in the layer with the image's own mode and owner, so stacking the
 * layer changes nothing but the copied files; missing ones are made 0755. Owners and modes are set
 * through NIO ({@code unix:uid}, {@code unix:gid}, {@code unix:mode}), never by running anything.
 */
final class DraftFiles {

  private final Path upper;
  private final ImageTree image;
  private final FileModes modes;
  private final Optional<UserLookup.Ids> owner;
  private final List<Path> directories = new ArrayList<>();
  private final List<Long> directoryTimes = new ArrayList<>();
  private long entries;

  /**
   * A writer into {@code upper}, looking up parents in {@code image} (which should include {@code
   * upper} as its top layer), applying {@code modes} and, when present, {@code owner}.
   */
  DraftFiles(Path upper, ImageTree image, FileModes modes, Optional<UserLookup.Ids> owner) {
    this.upper = upper;
    this.image = image;
    this.modes = modes;
    this.owner = owner;
  }

  /** How many entries were written. */
  long entries() {
    return entries;
  }

  /** Makes sure directory {@code path} (absolute, resolved) exists in the layer. */
  void directory(String path) throws IOException, StepFailure {
    String relative = IgnoreRules.clean(path);
    if (relative.isEmpty()) {
      return;
    }
    StringBuilder prefix = new StringBuilder();
    for (String part : relative.split("/")) {
      if (prefix.length() > 0) {
        prefix.append('/');
      }
      prefix.append(part);
      ensure(prefix.toString(), path);
    }
  }

  private void ensure(String relative, String wanted) throws IOException, StepFailure {
    Path target = upper.resolve(relative);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Optional<SourceTree.Entry> existing = image.entry(relative);
    if (existing.isPresent() && existing.get().type() != SourceTree.Type.DIRECTORY) {
      throw new StepFailure(
          Failure.of(
              Failure.Kind.MISSING_FILE,
              "cannot copy to "
                  + wanted
                  + ": /"
                  + relative
                  + " is a "
                  + (existing.get().type() == SourceTree.Type.SYMLINK ? "symbolic link" : "file")
                  + " in the image, not a directory; choose another destination"));
    }
    Files.createDirectory(target);
    if (existing.isPresent()) {
      attributes(target, existing.get().mode(), existing.get().uid(), existing.get().gid());
      setTime(target, existing.get().mtime());
    } else {
      UserLookup.Ids ids = owner.orElse(new UserLookup.Ids(0, 0));
      attributes(target, 0755, ids.uid(), ids.gid());
    }
  }

  /** Writes one item; its parent directory must exist. */
  void write(CopySources.Item item) throws IOException, StepFailure {
    SourceTree.Entry entry = item.entry();
    String relative = IgnoreRules.clean(item.destination());
    Path target = upper.resolve(relative);
    int uid = owner.map(UserLookup.Ids::uid).orElse(entry.uid());
    int gid = owner.map(UserLookup.Ids::gid).orElse(entry.gid());
    switch (entry.type()) {
      case DIRECTORY -> {
        if (relative.isEmpty()) {
          return;
        }
        boolean existed = image.entry(relative).isPresent();
        if (item.root() && existed) {
          directory(item.destination());
          return;
        }
        replaceNonDirectory(target);
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(target);
        }
        attributes(target, modes.apply(entry.mode(), true), uid, gid);
        directories.add(target);
        directoryTimes.add(entry.mtime());
      }
      case FILE -> {
        replace(target);
        Files.copy(entry.file(), target, StandardCopyOption.REPLACE_EXISTING);
        attributes(target, modes.apply(entry.mode(), false), uid, gid);
        setTime(target, entry.mtime());
      }
      case SYMLINK -> {
        replace(target);
        Files.createSymbolicLink(target, Path.of(entry.linkTarget()));
        IdMap.setOwner(target, uid, gid);
      }
      case OTHER -> {
        return;
      }
    }
    entries++;
  }

  /** Sets the directories' times last, after their contents were written. */
  void finish() throws IOException {
    for (int i = directories.size() - 1; i >= 0; i--) {
      setTime(directories.get(i), directoryTimes.get(i));
    }
  }

  private static void replace(Path target) throws IOException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      StepLayers.delete(target);
    } else {
      Files.deleteIfExists(target);
    }
  }

  private static void replaceNonDirectory(Path target) throws IOException {
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(target);
    }
  }

  private static void attributes(Path target, int mode, int uid, int gid) throws IOException {
    IdMap.setOwner(target, uid, gid);
    // After chown, which clears setuid and setgid bits.
    Files.setAttribute(target, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
  }

  private static void setTime(Path target, long millis) throws IOException {
    Files.setLastModifiedTime(target, FileTime.fromMillis(millis));
  }
}
