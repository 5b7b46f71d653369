package org.iechorfile.engine.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  /** What one layer holds at one path. */
  private sealed interface Entry {}

  private record Absent() implements Entry {}

  private record Hidden() implements Entry {}

  private record Text(String text) implements Entry {}

  private record Place(Path layer, String relative) {}

  /**
   * What layers were found to hold, by layer directory and path: layers never change, so a step
   * only looks into the layers it has not looked into before (the new one, usually).
   */
  private static final Map<Place, Entry> KNOWN =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Place, Entry> eldest) {
              return size() > 4096;
            }
          });

  private ImageFiles() {}

  /** The text of {@code absolutePath} in an image whose layers are {@code layers} (base first). */
  static Optional<String> read(List<LayerRef> layers, String absolutePath) throws IOException {
    String relative = absolutePath.replaceAll("^/+", "");
    for (int i = layers.size() - 1; i >= 0; i--) {
      Place place = new Place(layers.get(i).directory(), relative);
      Entry entry = KNOWN.get(place);
      if (entry == null) {
        entry = look(place.layer().resolve(relative));
        KNOWN.put(place, entry);
      }
      if (entry instanceof Text text) {
        return Optional.of(text.text());
      }
      if (entry instanceof Hidden) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Entry look(Path candidate) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(candidate, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return new Absent();
    }
    int mode = (Integer) attributes.get("mode");
    if ((mode & S_IFMT) == S_IFCHR && (Long) attributes.get("rdev") == 0) {
      return new Hidden();
    }
    if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
      return new Hidden();
    }
    return new Text(Files.readString(candidate, StandardCharsets.UTF_8));
  }
}
