package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.fs.LayeredView;

/**
 * Reads small files of an image straight from its layer directories, without mounting, through a
 * {@link LayeredView}: whiteouts and opaque directories hide what lower layers hold, and links on
 * the way to the file are followed inside the image.
 *
 * <p>Answers are remembered per stack of layers (layers never change), and a stack whose top layer
 * has nothing to do with the path answers as the stack below it: a session of many RUN steps reads
 * {@code /etc/passwd} once, not once per step through every layer.
 */
final class ImageFiles {

  private record Known(List<Path> layers, String path) {}

  private static final Map<Known, Optional<String>> KNOWN =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Known, Optional<String>> eldest) {
              return size() > 1024;
            }
          });

  private ImageFiles() {}

  /**
   * The text of {@code absolutePath} in an image whose layers are {@code layers} (base first);
   * empty when nothing is there or the entry is not a regular file (a link there is not followed).
   */
  static Optional<String> read(List<LayerRef> layers, String absolutePath) throws IOException {
    return readFrom(layers.stream().map(LayerRef::directory).toList(), absolutePath);
  }

  private static Optional<String> readFrom(List<Path> layers, String absolutePath)
      throws IOException {
    Known key = new Known(layers, absolutePath);
    Optional<String> known = KNOWN.get(key);
    if (known != null) {
      return known;
    }
    LayeredView view = LayeredView.of(layers);
    int top = layers.size() - 1;
    Optional<String> text =
        top >= 0 && view.passesOver(top, absolutePath)
            ? readFrom(layers.subList(0, top), absolutePath)
            : readThrough(view, absolutePath);
    KNOWN.put(key, text);
    return text;
  }

  private static Optional<String> readThrough(LayeredView view, String absolutePath)
      throws IOException {
    Optional<FileEntry> entry = view.stat(absolutePath);
    if (entry.isEmpty() || !entry.get().isFile()) {
      return Optional.empty();
    }
    try (InputStream in = view.open(absolutePath)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
