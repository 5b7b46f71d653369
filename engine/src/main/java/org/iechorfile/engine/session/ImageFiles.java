package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads small files of an image straight from its layer directories, without mounting: the topmost
 * layer with an entry for the path decides, and an overlay whiteout there means the file was
 * deleted.
 */
final class ImageFiles {

  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;

  private ImageFiles() {}

  /** The text of {@code absolutePath} in an image whose layers are {@code layers} (base first). */
  static Optional<String> read(List<LayerRef> layers, String absolutePath) throws IOException {
    String relative = absolutePath.replaceAll("^/+", "");
    for (int i = layers.size() - 1; i >= 0; i--) {
      Path candidate = layers.get(i).directory().resolve(relative);
      Map<String, Object> attributes;
      try {
        attributes = Files.readAttributes(candidate, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        continue;
      }
      int mode = (Integer) attributes.get("mode");
      if ((mode & S_IFMT) == S_IFCHR && (Long) attributes.get("rdev") == 0) {
        return Optional.empty();
      }
      if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(candidate, StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }
}
