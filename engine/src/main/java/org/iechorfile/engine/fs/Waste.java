package org.iechorfile.engine.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Wasted space, as dive calls it: the bytes of files that a layer adds and a later layer removes or
 * overwrites. They are shipped with the image but never seen.
 *
 * @param files every wasted file, largest first
 */
public record Waste(List<WastedFile> files) {

  public Waste {
    files = List.copyOf(files);
  }

  /** The wasted files of the image {@code view} shows, traced to the layers involved. */
  public static Waste of(LayeredView view) throws IOException {
    List<WastedFile> wasted = new ArrayList<>();
    List<Path> layers = view.layers();
    for (int i = 0; i < layers.size() - 1; i++) {
      Path layer = layers.get(i);
      try (var walk = Files.walk(layer)) {
        for (Path host : (Iterable<Path>) walk::iterator) {
          Map<String, Object> attributes = LayeredView.lstat(host);
          if (attributes == null
              || FileType.ofMode((Integer) attributes.get("mode")) != FileType.FILE) {
            continue;
          }
          String relative = layer.relativize(host).toString();
          Optional<FileEntry> visible = view.exact(relative);
          if (visible.isPresent() && visible.get().layer() == i) {
            continue;
          }
          wasted.add(
              new WastedFile(
                  "/" + relative,
                  (Long) attributes.get("size"),
                  i,
                  hider(view, i, relative),
                  visible.isEmpty()));
        }
      }
    }
    wasted.sort(Comparator.comparingLong(WastedFile::bytes).reversed());
    return new Waste(wasted);
  }

  /** The total wasted bytes. */
  public long bytes() {
    return files.stream().mapToLong(WastedFile::bytes).sum();
  }

  /** Wasted bytes per layer that added them, by layer position. */
  public Map<Integer, Long> bytesByLayer() {
    Map<Integer, Long> totals = new TreeMap<>();
    files.forEach(f -> totals.merge(f.addedBy(), f.bytes(), Long::sum));
    return totals;
  }

  /** The first layer above {@code index} that hides {@code relative}. */
  private static int hider(LayeredView view, int index, String relative) throws IOException {
    String[] parts = relative.split("/");
    List<Path> layers = view.layers();
    for (int j = index + 1; j < layers.size(); j++) {
      StringBuilder prefix = new StringBuilder();
      for (int k = 0; k < parts.length; k++) {
        if (k > 0) {
          prefix.append('/');
        }
        prefix.append(parts[k]);
        Map<String, Object> a = LayeredView.lstat(layers.get(j).resolve(prefix.toString()));
        if (a == null) {
          break;
        }
        boolean last = k == parts.length - 1;
        boolean directory = FileType.ofMode((Integer) a.get("mode")) == FileType.DIRECTORY;
        if (last || !directory || view.isOpaque(j, prefix.toString())) {
          return j;
        }
      }
    }
    return layers.size() - 1;
  }
}
