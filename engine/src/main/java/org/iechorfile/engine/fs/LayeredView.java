package org.iechorfile.engine.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.iechorfile.engine.tar.Whiteouts;

/**
 * An image's filesystem seen through its layer directories, without mounting anything: the layers
 * are stacked as overlayfs stacks them, base first, so a whiteout (a 0:0 character device) hides
 * what the layers below hold at its path, and an opaque directory (attribute {@code
 * trusted.overlay.opaque} or {@code user.overlay.opaque} set to {@code y}) hides what they hold
 * below it.
 *
 * <p>Paths are absolute image paths; symbolic links in them are followed inside the image, as a
 * chroot would (an absolute target starts again at the image root, {@code ..} stops at the root).
 * Layer directories must not change while a view uses them (committed layers never do).
 * Thread-safe.
 */
public final class LayeredView {

  private static final int MAX_LINKS = 40;

  private final List<Path> layers;
  private final OpaqueCache opaque;

  private LayeredView(List<Path> layers, OpaqueCache opaque) {
    this.layers = List.copyOf(layers);
    this.opaque = opaque;
  }

  /**
   * A view of {@code layers}, base first. An empty list is an empty image ({@code scratch}).
   *
   * @param layers layer directories in overlay form
   */
  public static LayeredView of(List<Path> layers) {
    Objects.requireNonNull(layers, "layers");
    return new LayeredView(layers, OpaqueCache.SHARED);
  }

  /**
   * Notes that {@code layer} is an upper directory overlayfs has just written and nothing has
   * changed since. overlayfs marks only directories it creates over deleted ones as opaque, never
   * an upper's root, so a layer without directories has no opaque ones and need not be read for
   * them (a {@code getfattr} run per step otherwise).
   *
   * @throws IOException when the layer cannot be listed
   */
  public static void overlayUpperWritten(Path layer) throws IOException {
    OpaqueCache.SHARED.rememberUpper(layer);
  }

  /** The layer directories, base first. */
  public List<Path> layers() {
    return layers;
  }

  /**
   * The entry at {@code path}; a symbolic link there is described, not followed.
   *
   * @return empty when nothing is at the path (or a parent is not a directory)
   * @throws IOException when a layer cannot be read, or links loop
   */
  public Optional<FileEntry> stat(String path) throws IOException {
    try {
      return Optional.of(entry(resolve(path, false)));
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Optional.empty();
    }
  }

  /**
   * The entries of directory {@code path} (a symbolic link to one is followed), sorted by name.
   *
   * @throws NoSuchFileException when nothing is at the path
   * @throws NotDirectoryException when it is not a directory
   * @throws IOException when a layer cannot be read, or links loop
   */
  public List<FileEntry> list(String path) throws IOException {
    Node directory = resolve(path, true);
    if (!directory.isDirectory()) {
      throw new NotDirectoryException(directory.path());
    }
    List<FileEntry> entries = new ArrayList<>();
    for (Node child : children(directory)) {
      entries.add(entry(child));
    }
    return entries;
  }

  /**
   * Opens the regular file at {@code path} (symbolic links followed) for reading; the caller closes
   * the stream.
   *
   * @throws NoSuchFileException when nothing is at the path
   * @throws FileSystemException when it is not a regular file
   */
  public InputStream open(String path) throws IOException {
    Node node = resolve(path, true);
    if (FileType.ofMode(node.mode()) != FileType.FILE) {
      throw new FileSystemException(
          node.path(), null, "not a regular file but a " + describe(node.mode()));
    }
    return Files.newInputStream(host(node));
  }

  /**
   * Visits {@code start} (a link to a directory is followed) and everything below it, depth first,
   * each directory's entries in name order. Links below {@code start} are not followed.
   *
   * @throws NoSuchFileException when nothing is at {@code start}
   */
  public void walk(String start, Visitor visitor) throws IOException {
    walk(resolve(start, true), 0, visitor);
  }

  /** Every entry at and below {@code start}, in the order {@link #walk} visits them. */
  public List<FileEntry> walk(String start) throws IOException {
    List<FileEntry> all = new ArrayList<>();
    walk(
        start,
        (entry, depth) -> {
          all.add(entry);
          return true;
        });
    return all;
  }

  /** Receives the entries of a {@link #walk}. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Sees one entry; {@code depth} is 0 for the start. Returns whether to go into it (ignored for
     * entries that are not directories).
     */
    boolean visit(FileEntry entry, int depth) throws IOException;
  }

  /** The host file that holds {@code entry}'s content. */
  Path host(FileEntry entry) {
    return layer(entry.layer(), LayerEntries.relative(entry.path()));
  }

  /**
   * The entry at the exact path {@code relative} (no links followed anywhere), when there is one.
   */
  Optional<FileEntry> exact(String relative) throws IOException {
    Node node = root();
    for (String part : relative.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!node.isDirectory()) {
        return Optional.empty();
      }
      Optional<Node> child = child(node, part, 0);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      node = child.get();
    }
    return Optional.of(entry(node));
  }

  /**
   * Whether layer {@code index} (0 is the base) has nothing to do with {@code path}: no entry for
   * the path's first component and a root that is not opaque. The path then looks the same with or
   * without that layer.
   */
  public boolean passesOver(int index, String path) throws IOException {
    String relative = path.replaceAll("^/+", "");
    int slash = relative.indexOf('/');
    String first = slash < 0 ? relative : relative.substring(0, slash);
    if (!first.isEmpty()
        && Files.exists(layers.get(index).resolve(first), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    return !isOpaque(index, "");
  }

  /** Whether layer {@code index} marks directory {@code relative} opaque. */
  boolean isOpaque(int index, String relative) throws IOException {
    return opaque.of(layers.get(index)).contains(relative);
  }

  private void walk(Node node, int depth, Visitor visitor) throws IOException {
    boolean descend = visitor.visit(entry(node), depth);
    if (descend && node.isDirectory()) {
      for (Node child : children(node)) {
        walk(child, depth + 1, visitor);
      }
    }
  }

  /** One located entry: its path, the layer holding it, and for directories the merged layers. */
  private record Node(
      String path,
      String relative,
      int layer,
      Map<String, Object> attributes,
      List<Integer> below) {
    int mode() {
      return (Integer) attributes.get("mode");
    }

    boolean isDirectory() {
      return FileType.ofMode(mode()) == FileType.DIRECTORY;
    }

    boolean isSymlink() {
      return FileType.ofMode(mode()) == FileType.SYMLINK;
    }
  }

  private Node root() throws IOException {
    List<Integer> merged = new ArrayList<>();
    Map<String, Object> attributes = null;
    int top = -1;
    for (int i = layers.size() - 1; i >= 0; i--) {
      Map<String, Object> a = LayerEntries.lstat(layer(i, ""));
      if (a == null) {
        continue;
      }
      if (attributes == null) {
        attributes = a;
        top = i;
      }
      merged.add(i);
      if (isOpaque(i, "")) {
        break;
      }
    }
    if (attributes == null) {
      attributes =
          Map.of(
              "mode",
              0040755,
              "uid",
              0,
              "gid",
              0,
              "rdev",
              0L,
              "size",
              0L,
              "lastModifiedTime",
              FileTime.fromMillis(0));
    }
    return new Node("/", "", Math.max(top, 0), attributes, merged);
  }

  /**
   * The child {@code name} of {@code directory}, searching its layers from position {@code from}.
   */
  private Optional<Node> child(Node directory, String name, int from) throws IOException {
    String relative = directory.relative().isEmpty() ? name : directory.relative() + "/" + name;
    List<Integer> candidates = directory.below();
    for (int i = from; i < candidates.size(); i++) {
      int index = candidates.get(i);
      Map<String, Object> attributes = LayerEntries.lstat(layer(index, relative));
      if (attributes == null) {
        continue;
      }
      if (Whiteouts.isWhiteout(attributes)) {
        return Optional.empty();
      }
      List<Integer> merged = new ArrayList<>();
      if (FileType.ofMode((Integer) attributes.get("mode")) == FileType.DIRECTORY) {
        merged(candidates, i, relative, merged);
      }
      String path = directory.path().equals("/") ? "/" + name : directory.path() + "/" + name;
      return Optional.of(new Node(path, relative, index, attributes, merged));
    }
    return Optional.empty();
  }

  /** The layers whose directory {@code relative} shows through, from position {@code from} down. */
  private void merged(List<Integer> candidates, int from, String relative, List<Integer> merged)
      throws IOException {
    for (int k = from; k < candidates.size(); k++) {
      int lower = candidates.get(k);
      Map<String, Object> attributes = LayerEntries.lstat(layer(lower, relative));
      if (attributes == null) {
        continue;
      }
      if (FileType.ofMode((Integer) attributes.get("mode")) != FileType.DIRECTORY) {
        return;
      }
      merged.add(lower);
      if (isOpaque(lower, relative)) {
        return;
      }
    }
  }

  private List<Node> children(Node directory) throws IOException {
    Map<String, Node> found = new TreeMap<>();
    Set<String> seen = new java.util.HashSet<>();
    List<Integer> candidates = directory.below();
    for (int i = 0; i < candidates.size(); i++) {
      Path dir = layer(candidates.get(i), directory.relative());
      try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
        for (Path child : names) {
          String name = child.getFileName().toString();
          if (seen.add(name)) {
            Optional<Node> node = child(directory, name, i);
            node.ifPresent(n -> found.put(name, n));
          }
        }
      } catch (NoSuchFileException | NotDirectoryException e) {
        // This layer has nothing here.
      }
    }
    return new ArrayList<>(found.values());
  }

  private Node resolve(String path, boolean followLast) throws IOException {
    Deque<String> pending = new ArrayDeque<>(parts(path));
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root());
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.equals("..")) {
        if (stack.size() > 1) {
          stack.pop();
        }
        continue;
      }
      Node directory = stack.peek();
      if (!directory.isDirectory()) {
        throw new NotDirectoryException(directory.path());
      }
      Optional<Node> child = child(directory, part, 0);
      if (child.isEmpty()) {
        String missing = directory.path().equals("/") ? "/" + part : directory.path() + "/" + part;
        throw new NoSuchFileException(missing);
      }
      Node node = child.get();
      if (node.isSymlink() && (followLast || !pending.isEmpty())) {
        if (++links > MAX_LINKS) {
          throw new FileSystemLoopException(path);
        }
        String target = Files.readSymbolicLink(host(node)).toString();
        List<String> targetParts = parts(target);
        for (int i = targetParts.size() - 1; i >= 0; i--) {
          pending.addFirst(targetParts.get(i));
        }
        if (target.startsWith("/")) {
          while (stack.size() > 1) {
            stack.pop();
          }
        }
        continue;
      }
      stack.push(node);
    }
    return stack.peek();
  }

  private static List<String> parts(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  private FileEntry entry(Node node) throws IOException {
    Map<String, Object> a = node.attributes();
    FileType type = FileType.ofMode(node.mode());
    String target = type == FileType.SYMLINK ? Files.readSymbolicLink(host(node)).toString() : "";
    return new FileEntry(
        node.path(),
        type,
        node.mode(),
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        type == FileType.FILE ? (Long) a.get("size") : 0L,
        ((FileTime) a.get("lastModifiedTime")).toInstant(),
        target,
        node.layer());
  }

  private Path host(Node node) {
    return layer(node.layer(), node.relative());
  }

  private Path layer(int index, String relative) {
    Path root = layers.get(index);
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  private static String describe(int mode) {
    return FileType.ofMode(mode).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
