package org.iechorfile.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.fs.FileEntry;
import org.iechorfile.engine.fs.LayeredView;

/**
 * Reads small files of an image straight from its layer directories, without mounting, through a
 * {@link LayeredView}: whiteouts and opaque directories hide what lower layers hold, and links on
 * the way to the file are followed inside the image.
 */
final class ImageFiles {

  private ImageFiles() {}

  /**
   * The text of {@code absolutePath} in an image whose layers are {@code layers} (base first);
   * empty when nothing is there or the entry is not a regular file (a link there is not followed).
   */
  static Optional<String> read(List<LayerRef> layers, String absolutePath) throws IOException {
    LayeredView view = LayeredView.of(layers.stream().map(LayerRef::directory).toList());
    Optional<FileEntry> entry = view.stat(absolutePath);
    if (entry.isEmpty() || !entry.get().isFile()) {
      return Optional.empty();
    }
    try (InputStream in = view.open(absolutePath)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
