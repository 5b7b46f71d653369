package org.iechorfile.engine.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the entries of one layer into a private directory as an overlayfs upper directory. Every
 * path is checked before use: each parent must be a real directory inside the root (never a
 * symbolic link), files are created with {@code O_EXCL} so a link at the last component is never
 * followed, and hard links may only point at files already in the layer.
 *
 * <p>Work NIO cannot do (device nodes, fifos, whiteouts, non-{@code user.} attributes) and
 * directory metadata (which children would disturb) are collected and applied by {@link #finish()}.
 * Order matters there: owner before mode (chown clears setuid), attributes after owner (chown
 * clears {@code security.capability}), directory times last and deepest first.
 *
 * <p>In a user namespace ({@link OverlayNamespace#USER}) device nodes and {@code trusted.*}
 * attributes cannot be made; they are skipped with a warning, as rootless podman does.
 */
final class SnapshotBuilder {

  private static final System.Logger LOG = System.getLogger(SnapshotBuilder.class.getName());
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final String WHITEOUT_PREFIX = ".wh.";
  private static final String OPAQUE_MARKER = ".wh..wh..opq";
  private static final FileTime EPOCH = FileTime.fromMillis(0);

  private final Path root;
  private final OverlayNamespace overlay;
  private final Set<Path> verifiedDirectories = new HashSet<>();
  private final Map<Path, EntryMetadata> directories = new LinkedHashMap<>();
  private final List<SpecialFiles.Node> nodes = new ArrayList<>();
  private final Map<Path, EntryMetadata> nodeMetadata = new LinkedHashMap<>();
  private final Map<Path, Map<String, byte[]>> privilegedXattrs = new LinkedHashMap<>();

  SnapshotBuilder(Path root, OverlayNamespace overlay) {
    this.root = root;
    this.overlay = overlay;
    directories.put(root, EntryMetadata.implicitDirectory(EPOCH));
  }

  /** Adds a directory, or updates the metadata of one that exists. */
  void directory(EntryPath path, EntryMetadata metadata) throws IOException {
    Path target = resolve(path);
    if (!path.isRoot() && !Files.isDirectory(target, NOFOLLOW)) {
      removeExisting(target);
      Files.createDirectory(target);
    }
    verifiedDirectories.add(target);
    directories.put(target, metadata);
  }

  /** Adds a regular file with {@code size} bytes of content read from {@code content}. */
  void file(EntryPath path, EntryMetadata metadata, InputStream content) throws IOException {
    Path target = replaceable(path);
    try (OutputStream out =
        Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      content.transferTo(out);
    }
    applyOwnerAndMode(target, metadata);
    applyXattrs(target, metadata, false);
    setModified(target, metadata);
  }

  /** Adds a symbolic link; its target is stored as given and never followed. */
  void symlink(EntryPath path, String linkTarget, EntryMetadata metadata) throws IOException {
    Path target = replaceable(path);
    Files.createSymbolicLink(target, root.getFileSystem().getPath(linkTarget));
    IdMap.setOwner(target, metadata.uid(), metadata.gid());
    applyXattrs(target, metadata, true);
    setModified(target, metadata);
  }

  /** Adds a hard link to a file added earlier by this layer. */
  void hardLink(EntryPath path, EntryPath existing) throws IOException {
    if (existing.isRoot()) {
      throw new UnsafeLayerException("the hard link '" + path + "' points at the layer's root");
    }
    Path source = checkedParent(existing, false).resolve(existing.fileName());
    if (!Files.exists(source, NOFOLLOW) || Files.isDirectory(source, NOFOLLOW)) {
      throw new UnsafeLayerException(
          "the hard link '"
              + path
              + "' points at '"
              + existing
              + "', which is not a file earlier in the layer");
    }
    Path target = replaceable(path);
    Files.createLink(target, source);
  }

  /** Adds a character device ({@code c}), block device ({@code b}) or fifo ({@code p}). */
  void node(EntryPath path, char type, int major, int minor, EntryMetadata metadata)
      throws IOException {
    if (type != 'p' && overlay == OverlayNamespace.USER) {
      LOG.log(
          System.Logger.Level.WARNING,
          "skipping device node {0}: only the real root can create devices; "
              + "containers get their /dev from the sandbox",
          path);
      return;
    }
    Path target = replaceable(path);
    nodes.add(node(target, type, major, minor, metadata));
    nodeMetadata.put(target, metadata);
  }

  /**
   * Handles an OCI whiteout entry: {@code .wh..wh..opq} marks its directory opaque; {@code
   * .wh.NAME} becomes an overlay whiteout (character device 0:0) named {@code NAME}, unless this
   * layer itself added {@code NAME} (a whiteout only hides lower layers). Other {@code .wh..wh.}
   * names are aufs bookkeeping and are dropped.
   *
   * @return whether the entry was a whiteout
   */
  boolean whiteout(EntryPath path, EntryMetadata metadata) throws IOException {
    String name = path.fileName();
    if (!name.startsWith(WHITEOUT_PREFIX)) {
      return false;
    }
    if (name.equals(OPAQUE_MARKER)) {
      Path directory = checkedParent(path, true);
      setXattr(directory, overlay.opaqueAttribute(), new byte[] {'y'}, false);
      return true;
    }
    if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      return true;
    }
    EntryPath hidden = path.parent().child(name.substring(WHITEOUT_PREFIX.length()));
    Path target = checkedParent(hidden, true).resolve(hidden.fileName());
    if (Files.exists(target, NOFOLLOW)) {
      return true;
    }
    EntryMetadata whiteout =
        new EntryMetadata(metadata.uid(), metadata.gid(), 0, metadata.modified(), Map.of());
    nodes.add(node(target, 'c', 0, 0, whiteout));
    nodeMetadata.put(target, whiteout);
    return true;
  }

  /** Applies what was deferred: nodes, privileged attributes, directory metadata. */
  void finish() throws IOException {
    SpecialFiles.makeNodes(nodes);
    List<Path> deepestFirst = new ArrayList<>(directories.keySet());
    deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path directory : deepestFirst) {
      EntryMetadata metadata = directories.get(directory);
      applyOwnerAndMode(directory, metadata);
      applyXattrs(directory, metadata, false);
    }
    for (Map.Entry<Path, EntryMetadata> node : nodeMetadata.entrySet()) {
      applyXattrs(node.getKey(), node.getValue(), true);
    }
    SpecialFiles.setAttributes(privilegedXattrs);
    for (Path directory : deepestFirst) {
      setModified(directory, directories.get(directory));
    }
  }

  private static SpecialFiles.Node node(
      Path target, char type, int major, int minor, EntryMetadata metadata) {
    return new SpecialFiles.Node(
        target,
        type,
        metadata.mode(),
        major,
        minor,
        metadata.uid(),
        metadata.gid(),
        metadata.modified());
  }

  private Path resolve(EntryPath path) throws IOException {
    return path.isRoot() ? root : checkedParent(path, true).resolve(path.fileName());
  }

  /** The checked parent of {@code path}, with any existing non-directory there removed. */
  private Path replaceable(EntryPath path) throws IOException {
    if (path.isRoot()) {
      throw new LayerFormatException("the layer has a non-directory entry for its root");
    }
    Path target = checkedParent(path, true).resolve(path.fileName());
    removeExisting(target);
    return target;
  }

  /**
   * Walks the parents of {@code path}, refusing symbolic links and creating missing directories
   * when {@code create} is set.
   */
  private Path checkedParent(EntryPath path, boolean create) throws IOException {
    Path current = root;
    List<String> parts = path.parent().components();
    for (String part : parts) {
      current = current.resolve(part);
      if (verifiedDirectories.contains(current)) {
        continue;
      }
      BasicFileAttributes attributes = attributesOrNull(current);
      if (attributes == null && create) {
        Files.createDirectory(current);
        directories.put(current, EntryMetadata.implicitDirectory(EPOCH));
      } else if (attributes == null) {
        throw new UnsafeLayerException(
            "the entry '"
                + path
                + "' lies below '"
                + root.relativize(current)
                + "', which is not in the layer");
      } else if (attributes.isSymbolicLink()) {
        throw new UnsafeLayerException(
            "the entry '"
                + path
                + "' lies below the symbolic link '"
                + root.relativize(current)
                + "'; a layer may not write through links");
      } else if (!attributes.isDirectory()) {
        throw new LayerFormatException(
            "the entry '"
                + path
                + "' lies below '"
                + root.relativize(current)
                + "', which is not a directory");
      }
      verifiedDirectories.add(current);
    }
    return current;
  }

  private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private void removeExisting(Path target) throws IOException {
    BasicFileAttributes attributes = attributesOrNull(target);
    if (attributes == null) {
      return;
    }
    if (attributes.isDirectory()) {
      DirectoryTrees.delete(target);
      verifiedDirectories.removeIf(p -> p.startsWith(target));
      directories.keySet().removeIf(p -> p.startsWith(target));
    } else {
      Files.delete(target);
    }
    nodeMetadata.keySet().removeIf(p -> p.startsWith(target));
    nodes.removeIf(n -> n.path().startsWith(target));
    privilegedXattrs.keySet().removeIf(p -> p.startsWith(target));
  }

  private static void applyOwnerAndMode(Path target, EntryMetadata metadata) throws IOException {
    IdMap.setOwner(target, metadata.uid(), metadata.gid());
    Files.setAttribute(target, "unix:mode", metadata.mode(), NOFOLLOW);
  }

  private void applyXattrs(Path target, EntryMetadata metadata, boolean symlinkOrNode)
      throws IOException {
    for (Map.Entry<String, byte[]> xattr : metadata.xattrs().entrySet()) {
      setXattr(target, xattr.getKey(), xattr.getValue(), symlinkOrNode);
    }
  }

  /** {@code user.} attributes on files and directories through NIO, all others batched. */
  private void setXattr(Path target, String name, byte[] value, boolean symlinkOrNode)
      throws IOException {
    if (name.startsWith("trusted.") && overlay == OverlayNamespace.USER) {
      LOG.log(
          System.Logger.Level.WARNING,
          "dropping attribute {0} of {1}: trusted.* needs the real root",
          name,
          root.relativize(target));
      return;
    }
    if (name.startsWith("user.") && !symlinkOrNode) {
      UserDefinedFileAttributeView view =
          Files.getFileAttributeView(target, UserDefinedFileAttributeView.class, NOFOLLOW);
      view.write(name.substring("user.".length()), ByteBuffer.wrap(value));
    } else {
      privilegedXattrs.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(name, value);
    }
  }

  private static void setModified(Path target, EntryMetadata metadata) throws IOException {
    Files.getFileAttributeView(target, BasicFileAttributeView.class, NOFOLLOW)
        .setTimes(metadata.modified(), metadata.modified(), null);
  }
}
