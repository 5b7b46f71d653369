package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers what a path is in a stack of overlay layers without mounting them: the topmost layer that
 * has an entry for the path decides. Used to keep mounts off symbolic links of the image.
 */
final class LayerLookup {

  /** What the topmost layer holds at a path. */
  enum Kind {
    ABSENT,
    WHITEOUT,
    DIRECTORY,
    SYMLINK,
    OTHER
  }

  private final Path layersDirectory;
  private final List<String> layers;
  private final List<Map<String, Kind>> known = new ArrayList<>();

  LayerLookup(Path layersDirectory, List<String> layers) {
    this.layersDirectory = layersDirectory;
    this.layers = List.copyOf(layers);
  }

  /** The kind of entry the topmost layer has at {@code absolutePath}. */
  Kind kind(String absolutePath) throws IOException {
    String relative = trimSlashes(absolutePath);
    for (int i = 0; i < layers.size(); i++) {
      Path root = layersDirectory.resolve(layers.get(i));
      if (known.size() == i) {
        known.add(KnownLayerEntries.SHARED.of(root));
      }
      Kind kind = KnownLayerEntries.kind(known.get(i), root, relative);
      if (kind != Kind.ABSENT) {
        return kind;
      }
    }
    return Kind.ABSENT;
  }

  private static String trimSlashes(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  /**
   * The first path on the way to {@code absolutePath} (itself included) that is a symbolic link in
   * the image, if any. Components below an absent or deleted one are absent too.
   */
  Optional<String> symlinkOnPath(String absolutePath) throws IOException {
    StringBuilder prefix = new StringBuilder();
    for (String part : absolutePath.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      prefix.append('/').append(part);
      Kind kind = kind(prefix.toString());
      if (kind == Kind.SYMLINK) {
        return Optional.of(prefix.toString());
      }
      if (kind == Kind.ABSENT || kind == Kind.WHITEOUT) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
