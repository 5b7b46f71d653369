package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers what a path is in a stack of overlay layers without mounting them: the topmost layer that
 * has an entry for the path decides. Used to keep mounts off symbolic links of the image.
 *
 * <p>The answers are remembered per stack, and a stack's answer is its top layer's entry or else
 * the answer of the stack below it, which is usually the previous step's, already known. So a step
 * looks into its own new layer only, however many layers are below it.
 */
final class LayerLookup {

  /** The answers of recently seen stacks, by their layer names (topmost first, ':' between). */
  private static final Map<String, Map<String, Kind>> STACKS =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Kind>> eldest) {
          return size() > 256;
        }
      };

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
  private final Map<String, Kind> answers;
  private final Map<String, Kind> below;

  LayerLookup(Path layersDirectory, List<String> layers) {
    this.layersDirectory = layersDirectory.toAbsolutePath();
    this.layers = List.copyOf(layers);
    String base = this.layersDirectory + "/";
    this.answers = stack(base + String.join(":", this.layers), true);
    this.below =
        this.layers.size() < 2
            ? null
            : stack(base + String.join(":", this.layers.subList(1, this.layers.size())), false);
  }

  private static Map<String, Kind> stack(String key, boolean create) {
    synchronized (STACKS) {
      return create ? STACKS.computeIfAbsent(key, k -> new ConcurrentHashMap<>()) : STACKS.get(key);
    }
  }

  /** The kind of entry the topmost layer has at {@code absolutePath}. */
  Kind kind(String absolutePath) throws IOException {
    String relative = trimSlashes(absolutePath);
    Kind kind = answers.get(relative);
    if (kind == null) {
      kind = look(relative);
      answers.put(relative, kind);
    }
    return kind;
  }

  private Kind look(String relative) throws IOException {
    for (int i = 0; i < layers.size(); i++) {
      if (i == 1 && below != null) {
        Kind known = below.get(relative);
        if (known != null) {
          return known;
        }
      }
      Kind kind =
          KnownLayerEntries.kind(entries(i), layersDirectory.resolve(layers.get(i)), relative);
      if (kind != Kind.ABSENT) {
        return kind;
      }
    }
    return Kind.ABSENT;
  }

  private Map<String, Kind> entries(int layer) throws IOException {
    while (known.size() <= layer) {
      known.add(KnownLayerEntries.SHARED.of(layersDirectory.resolve(layers.get(known.size()))));
    }
    return known.get(layer);
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
