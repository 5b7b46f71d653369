package org.iechorfile.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.tar.Whiteouts;

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

  LayerLookup(Path layersDirectory, List<String> layers) {
    this.layersDirectory = layersDirectory;
    this.layers = List.copyOf(layers);
  }

  /** The kind of entry the topmost layer has at {@code absolutePath}. */
  Kind kind(String absolutePath) throws IOException {
    String relative = absolutePath.replaceAll("^/+", "");
    for (String layer : layers) {
      Path candidate = layersDirectory.resolve(layer).resolve(relative);
      Map<String, Object> attributes;
      try {
        attributes =
            Files.readAttributes(candidate, Whiteouts.ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue;
      }
      if (Whiteouts.isWhiteout(attributes)) {
        return Kind.WHITEOUT;
      }
      if (Files.isSymbolicLink(candidate)) {
        return Kind.SYMLINK;
      }
      return Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS) ? Kind.DIRECTORY : Kind.OTHER;
    }
    return Kind.ABSENT;
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
