package org.iechorfile.engine.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.iechorfile.engine.tar.OpaqueDirectories;

/**
 * The opaque directories of each layer, read once per layer directory (one {@code getfattr} run)
 * and kept while the directory stays the same one (same inode, same modification time).
 */
final class OpaqueCache {

  static final OpaqueCache SHARED = new OpaqueCache();

  private record Known(Object fileKey, long modified, Set<String> opaque) {}

  private final Map<Path, Known> known = new ConcurrentHashMap<>();

  Set<String> of(Path layer) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(layer, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return Set.of();
    }
    long modified = attributes.lastModifiedTime().toMillis();
    Known cached = known.get(layer);
    if (cached != null
        && cached.modified() == modified
        && java.util.Objects.equals(cached.fileKey(), attributes.fileKey())) {
      return cached.opaque();
    }
    Set<String> opaque = Set.copyOf(OpaqueDirectories.in(layer));
    known.put(layer, new Known(attributes.fileKey(), modified, opaque));
    return opaque;
  }

  /** See {@link LayeredView#overlayUpperWritten}. */
  void rememberUpper(Path layer) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(layer, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    try (Stream<Path> children = Files.list(layer)) {
      if (children.anyMatch(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS))) {
        return;
      }
    }
    known.put(
        layer, new Known(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), Set.of()));
  }
}
