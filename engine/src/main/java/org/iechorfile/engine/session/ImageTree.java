package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.iechorfile.engine.tar.OpaqueDirectories;
import org.iechorfile.engine.tar.OverlayNamespace;
import org.iechorfile.engine.tar.Whiteouts;

/**
 * The files of an image as its layers stack them, read straight from the layer directories: the
 * topmost layer with an entry for a path decides, an overlay whiteout (a 0:0 character device)
 * deletes, and a file in a higher layer hides a directory below. Symbolic links resolve inside the
 * image, as in a chroot: an absolute target starts at the image's root and {@code ..} stops there,
 * so nothing on this machine is ever reached through them.
 */
final class ImageTree implements SourceTree {

  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFLNK = 0120000;
  private static final int MAX_LINKS = 255;

  /**
   * The short name of layers that are plain directories, never overlay layers with opaque marks.
   */
  static final String PLAIN = "-";

  private final List<LayerRef> layers;
  private final String name;
  private final Map<Integer, Set<String>> opaque = new java.util.HashMap<>();

  /** The tree of {@code layers} (base first); {@code name} says whose layers they are. */
  ImageTree(List<LayerRef> layers, String name) {
    this.layers = List.copyOf(layers);
    this.name = name;
  }

  static Type type(int mode) {
    return switch (mode & S_IFMT) {
      case S_IFREG -> Type.FILE;
      case S_IFDIR -> Type.DIRECTORY;
      case S_IFLNK -> Type.SYMLINK;
      default -> Type.OTHER;
    };
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public Optional<Entry> entry(String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.of(
          new Entry(
              "", layers.isEmpty() ? Path.of("/") : top(), Type.DIRECTORY, 0755, 0, 0, 0, "", 0));
    }
    for (int i = layers.size() - 1; i >= 0; i--) {
      Path root = layers.get(i).directory();
      Reach reach = reach(root, path);
      if (reach == Reach.BLOCKED) {
        return Optional.empty();
      }
      if (reach == Reach.MISSING) {
        if (hidesBelow(i, parent(path))) {
          return Optional.empty();
        }
        continue;
      }
      Optional<Map<String, Object>> attributes = attributes(root.resolve(path));
      if (attributes.isPresent()) {
        int mode = (Integer) attributes.get().get("mode");
        if (Whiteouts.isWhiteout(attributes.get())) {
          return Optional.empty();
        }
        return Optional.of(entry(path, root.resolve(path), mode, attributes.get()));
      }
      if (hidesBelow(i, parent(path))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * Whether layer {@code index} marks {@code directory} or one of its parents opaque, hiding what
   * the layers below hold there. Only asked once a lookup has to go below a layer.
   */
  private boolean hidesBelow(int index, String directory) throws IOException {
    if (index == 0 || layers.get(index).shortName().equals(PLAIN)) {
      return false;
    }
    Set<String> marked = opaque.get(index);
    if (marked == null) {
      marked = OpaqueDirectories.under(layers.get(index).directory(), OverlayNamespace.current());
      opaque.put(index, marked);
    }
    if (marked.isEmpty()) {
      return false;
    }
    String current = directory;
    while (true) {
      if (marked.contains(current)) {
        return true;
      }
      if (current.isEmpty()) {
        return false;
      }
      current = parent(current);
    }
  }

  /** How far one layer's directories lead towards a path. */
  private enum Reach {
    /** Every parent is a real directory in the layer. */
    PARENTS,
    /** A parent is missing: lower layers may still hold the path. */
    MISSING,
    /** A parent is a file, link or whiteout: the path is hidden, in this layer and below. */
    BLOCKED
  }

  /**
   * Whether the parents of {@code path} are real directories in the layer at {@code root}. Parents
   * are checked from the top without following links, so a link in a layer never leads a lookup out
   * of the layer.
   */
  private static Reach reach(Path root, String path) throws IOException {
    int slash = path.indexOf('/');
    while (slash > 0) {
      Optional<Map<String, Object>> attributes = attributes(root.resolve(path.substring(0, slash)));
      if (attributes.isEmpty()) {
        return Reach.MISSING;
      }
      if (type((Integer) attributes.get().get("mode")) != Type.DIRECTORY) {
        return Reach.BLOCKED;
      }
      slash = path.indexOf('/', slash + 1);
    }
    return Reach.PARENTS;
  }

  private Path top() {
    return layers.get(layers.size() - 1).directory();
  }

  private static Optional<Map<String, Object>> attributes(Path file) throws IOException {
    try {
      return Optional.of(
          Files.readAttributes(
              file, "unix:mode,uid,gid,size,rdev,lastModifiedTime", LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.nio.file.FileSystemException e) {
      // ENOTDIR: a parent is a file in this layer.
      return Optional.empty();
    }
  }

  private static Entry entry(String path, Path file, int mode, Map<String, Object> attributes)
      throws IOException {
    Type type = type(mode);
    String target = type == Type.SYMLINK ? Files.readSymbolicLink(file).toString() : "";
    return new Entry(
        path,
        file,
        type,
        mode & 07777,
        (Integer) attributes.get("uid"),
        (Integer) attributes.get("gid"),
        (Long) attributes.get("size"),
        target,
        ((FileTime) attributes.get("lastModifiedTime")).toMillis());
  }

  @Override
  public List<String> children(String path) throws IOException {
    Set<String> names = new TreeSet<>();
    Set<String> hidden = new HashSet<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      Path root = layers.get(i).directory();
      Reach reach = path.isEmpty() ? Reach.PARENTS : reach(root, path);
      if (reach == Reach.BLOCKED) {
        break;
      }
      Path dir = path.isEmpty() ? root : root.resolve(path);
      Optional<Map<String, Object>> attributes =
          reach == Reach.MISSING ? Optional.empty() : attributes(dir);
      if (attributes.isEmpty()) {
        if (hidesBelow(i, path)) {
          break;
        }
        continue;
      }
      if (type((Integer) attributes.get().get("mode")) != Type.DIRECTORY) {
        break;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String child = entry.getFileName().toString();
          if (names.contains(child) || hidden.contains(child)) {
            continue;
          }
          Optional<Map<String, Object>> own = attributes(entry);
          if (own.isPresent() && Whiteouts.isWhiteout(own.get())) {
            hidden.add(child);
          } else {
            names.add(child);
          }
        }
      }
      if (hidesBelow(i, path)) {
        break;
      }
    }
    return new ArrayList<>(names);
  }

  @Override
  public String resolve(String path) throws IOException {
    return resolve(path, true);
  }

  /**
   * {@code path} with the symbolic links along it followed inside the image; the last element's
   * link is followed only when {@code followLast}.
   */
  String resolve(String path, boolean followLast) throws IOException {
    Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      done.add(part);
      if (!followLast && pending.stream().allMatch(p -> p.isEmpty() || p.equals("."))) {
        break;
      }
      Optional<Entry> entry = entry(String.join("/", done));
      if (entry.isEmpty() || entry.get().type() != Type.SYMLINK || ++links > MAX_LINKS) {
        continue;
      }
      done.remove(done.size() - 1);
      String target = entry.get().linkTarget();
      if (target.startsWith("/")) {
        done.clear();
      }
      String[] parts = target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        pending.push(parts[i]);
      }
    }
    return String.join("/", done);
  }

  @Override
  public boolean ignored(String path) {
    return false;
  }

  @Override
  public boolean walkIgnored() {
    return false;
  }
}
