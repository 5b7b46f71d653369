package org.iechorfile.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;

/** Image states over hand-made layer directories, for exporter tests that need no session. */
final class ExportFixture {

  static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  private ExportFixture() {}

  /** A layer directory holding {@code files} (path to content). */
  static LayerRef layer(Path root, String id, Map<String, String> files) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
      Files.setLastModifiedTime(path, FileTime.from(T0));
    }
    return new LayerRef(id, dir, id, 0);
  }

  /** A state of {@code layers} with one RUN history entry per layer, then an ENV step. */
  static ImageState state(List<LayerRef> layers, RuntimeConfig config) {
    List<HistoryEntry> history = new java.util.ArrayList<>();
    for (LayerRef layer : layers) {
      history.add(HistoryEntry.of(T0, "RUN /bin/sh -c make " + layer.id() + " # buildkit", false));
    }
    history.add(HistoryEntry.of(T0.plusSeconds(1), "ENV A=1", true));
    return new ImageState(
        config,
        Platform.LINUX_AMD64,
        layers,
        history,
        0,
        "",
        "scratch",
        Map.of(),
        Map.of(),
        false,
        List.of(),
        "key");
  }
}
