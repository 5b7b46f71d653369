package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.iechorfile.engine.tar.Whiteouts;

/**
 * What lower layers hold at the paths the sandbox asks about (its mount points and their parents),
 * remembered per layer directory. Lower layers do not change once made, so each step only looks
 * into the layers it has not seen before, and the cost of a step no longer grows with the number of
 * layers below it. A layer directory is known by its path and its file key (device and inode), so a
 * directory made anew under an old name is looked into again.
 */
final class KnownLayerEntries {

  static final KnownLayerEntries SHARED = new KnownLayerEntries(2048);

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFLNK = 0120000;

  private record Layer(Path root, Object fileKey) {}

  private final Map<Layer, Map<String, LayerLookup.Kind>> layers;

  KnownLayerEntries(int capacity) {
    this.layers =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Layer, Map<String, LayerLookup.Kind>> e) {
            return size() > capacity;
          }
        };
  }

  /**
   * The entries known of the layer at {@code root} (following a link to it), to be filled in by
   * {@link #kind}; an empty, unremembered map when the layer is missing.
   */
  Map<String, LayerLookup.Kind> of(Path root) throws IOException {
    Object fileKey;
    try {
      fileKey = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return new ConcurrentHashMap<>();
    }
    Layer layer = new Layer(root, Objects.requireNonNullElse(fileKey, root));
    synchronized (layers) {
      return layers.computeIfAbsent(layer, l -> new ConcurrentHashMap<>());
    }
  }

  /**
   * What the layer at {@code root}, whose known entries are {@code known}, holds at {@code
   * relative}.
   */
  static LayerLookup.Kind kind(Map<String, LayerLookup.Kind> known, Path root, String relative)
      throws IOException {
    LayerLookup.Kind kind = known.get(relative);
    if (kind == null) {
      kind = look(root.resolve(relative));
      known.put(relative, kind);
    }
    return kind;
  }

  private static LayerLookup.Kind look(Path candidate) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(candidate, Whiteouts.ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return LayerLookup.Kind.ABSENT;
    }
    if (Whiteouts.isWhiteout(attributes)) {
      return LayerLookup.Kind.WHITEOUT;
    }
    int type = (Integer) attributes.get("mode") & S_IFMT;
    if (type == S_IFLNK) {
      return LayerLookup.Kind.SYMLINK;
    }
    return type == S_IFDIR ? LayerLookup.Kind.DIRECTORY : LayerLookup.Kind.OTHER;
  }
}
