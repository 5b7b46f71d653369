package org.iechorfile.engine.fs;

import java.util.Objects;

/**
 * A file that one layer adds and a later layer removes or overwrites: its bytes stay in the image
 * but no container can see them.
 *
 * @param path the absolute image path
 * @param bytes the file's size in the layer that added it
 * @param addedBy the position (0 = base) of the layer that added it
 * @param hiddenBy the position of the first later layer that removed or replaced it
 * @param removed true when the image no longer has the path at all; false when it was overwritten
 */
public record WastedFile(String path, long bytes, int addedBy, int hiddenBy, boolean removed) {
  public WastedFile {
    Objects.requireNonNull(path, "path");
  }
}
