package org.iechorfile.engine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.iechorfile.engine.tar.Whiteouts;

/**
 * The files added, changed and removed between two views of an image, in path order. A directory
 * counts as changed only when its mode or owner changed (not when only its entries did); a file
 * when its type, mode, owner, size, link target or content changed, and, unless times are ignored,
 * its modification time in whole seconds (the precision layer tars keep).
 *
 * @param changes the differences, sorted by path
 */
public record TreeDiff(List<Change> changes) {

  public TreeDiff {
    changes = List.copyOf(changes);
  }

  /** Whether modification times of files count as changes. */
  public enum Times {
    COMPARED,
    IGNORED
  }

  /**
   * The differences from {@code before} to {@code after}. When {@code after} is {@code before} with
   * layers added on top (one step after another), only the paths those layers touch are examined;
   * otherwise both trees are walked whole.
   */
  public static TreeDiff between(LayeredView before, LayeredView after, Times times)
      throws IOException {
    List<Path> lower = before.layers();
    List<Path> upper = after.layers();
    boolean stacked = upper.size() >= lower.size() && upper.subList(0, lower.size()).equals(lower);
    TreeSet<String> paths = new TreeSet<>();
    if (stacked) {
      for (int i = lower.size(); i < upper.size(); i++) {
        touched(upper.get(i), before, after, i, paths);
      }
    } else {
      before.walk("/", (entry, depth) -> add(paths, entry));
      after.walk("/", (entry, depth) -> add(paths, entry));
    }
    paths.remove("");
    List<Change> changes = new ArrayList<>();
    for (String path : paths) {
      compare(before, after, path, times).ifPresent(changes::add);
    }
    return new TreeDiff(changes);
  }

  /** The changes of one kind. */
  public List<Change> of(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /** Whether the two views hold the same files. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The bytes of the files added or rewritten (their size after). */
  public long bytesAdded() {
    return changes.stream()
        .filter(c -> c.kind() != Change.Kind.REMOVED)
        .mapToLong(Change::bytesAfter)
        .sum();
  }

  /** The bytes of the files removed (their size before). */
  public long bytesRemoved() {
    return changes.stream()
        .filter(c -> c.kind() == Change.Kind.REMOVED)
        .mapToLong(Change::bytesBefore)
        .sum();
  }

  /** The {@code count} largest files added or changed, largest first. */
  public List<Change> biggest(int count) {
    return changes.stream()
        .filter(c -> c.kind() != Change.Kind.REMOVED && c.type() == FileType.FILE)
        .sorted(Comparator.comparingLong(Change::bytesAfter).reversed())
        .limit(count)
        .toList();
  }

  /** The number of changes of each kind, in the order added, changed, removed. */
  public Map<Change.Kind, Integer> counts() {
    Map<Change.Kind, Integer> counts = new LinkedHashMap<>();
    for (Change.Kind kind : Change.Kind.values()) {
      counts.put(kind, of(kind).size());
    }
    return counts;
  }

  /** Adds the paths layer {@code layer} holds and, below its whiteouts, what they hide. */
  private static void touched(
      Path layer, LayeredView before, LayeredView after, int index, TreeSet<String> paths)
      throws IOException {
    try (var walk = Files.walk(layer)) {
      for (Path host : (Iterable<Path>) walk::iterator) {
        String relative = layer.relativize(host).toString();
        paths.add(relative);
        Map<String, Object> attributes = LayerEntries.lstat(host);
        boolean hides =
            attributes != null
                && (Whiteouts.isWhiteout(attributes)
                    || FileType.ofMode((Integer) attributes.get("mode")) != FileType.DIRECTORY
                    || after.isOpaque(index, relative));
        if (hides) {
          Optional<FileEntry> hidden = before.exact(relative);
          if (hidden.isPresent() && hidden.get().isDirectory()) {
            before.walk("/" + relative, (entry, depth) -> add(paths, entry));
          }
        }
      }
    }
  }

  private static boolean add(TreeSet<String> paths, FileEntry entry) {
    paths.add(LayerEntries.relative(entry.path()));
    return true;
  }

  private static Optional<Change> compare(
      LayeredView before, LayeredView after, String relative, Times times) throws IOException {
    Optional<FileEntry> old = before.exact(relative);
    Optional<FileEntry> now = after.exact(relative);
    String path = "/" + relative;
    if (old.isEmpty() && now.isEmpty()) {
      return Optional.empty();
    }
    if (old.isEmpty()) {
      FileEntry e = now.get();
      return Optional.of(new Change(Change.Kind.ADDED, path, e.type(), 0, e.size()));
    }
    if (now.isEmpty()) {
      FileEntry e = old.get();
      return Optional.of(new Change(Change.Kind.REMOVED, path, e.type(), e.size(), 0));
    }
    FileEntry a = old.get();
    FileEntry b = now.get();
    if (same(before, a, after, b, times)) {
      return Optional.empty();
    }
    return Optional.of(new Change(Change.Kind.CHANGED, path, b.type(), a.size(), b.size()));
  }

  private static boolean same(
      LayeredView before, FileEntry a, LayeredView after, FileEntry b, Times times)
      throws IOException {
    if (a.type() != b.type() || a.mode() != b.mode() || a.uid() != b.uid() || a.gid() != b.gid()) {
      return false;
    }
    Path hostA = before.host(a);
    Path hostB = after.host(b);
    if (hostA.equals(hostB) || a.isDirectory()) {
      return true;
    }
    if (!a.linkTarget().equals(b.linkTarget()) || a.size() != b.size()) {
      return false;
    }
    if (times == Times.COMPARED && a.modified().getEpochSecond() != b.modified().getEpochSecond()) {
      return false;
    }
    return !a.isFile() || sameContent(hostA, hostB);
  }

  private static boolean sameContent(Path a, Path b) throws IOException {
    try (InputStream x = Files.newInputStream(a);
        InputStream y = Files.newInputStream(b)) {
      byte[] bufferA = new byte[65536];
      byte[] bufferB = new byte[65536];
      while (true) {
        int n = x.readNBytes(bufferA, 0, bufferA.length);
        int m = y.readNBytes(bufferB, 0, bufferB.length);
        if (n != m || !Arrays.equals(bufferA, 0, n, bufferB, 0, m)) {
          return false;
        }
        if (n == 0) {
          return true;
        }
      }
    }
  }
}
