package org.iechorfile.engine.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One filesystem layer of an image state: a directory in overlay format (whiteouts as 0:0 character
 * devices), immutable once committed.
 *
 * @param id the layer's id in the store (a diff id for pulled layers, a step layer's id otherwise)
 * @param directory the layer's directory
 * @param shortName the layer's short name in the store's link directory, for overlay mounts
 * @param bytes the bytes of file content in the layer
 */
public record LayerRef(String id, Path directory, String shortName, long bytes) {
  public LayerRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(shortName, "shortName");
  }
}
