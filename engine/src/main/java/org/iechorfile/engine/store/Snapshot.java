package org.iechorfile.engine.store;

import java.nio.file.Path;
import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * An unpacked layer: a directory in overlayfs form, shared read-only by every image that has it.
 *
 * @param diffId the layer's uncompressed digest, which names the directory
 * @param directory where it is
 * @param unpackedNow whether this call unpacked it (false: it was there, or another process won)
 */
public record Snapshot(Digest diffId, Path directory, boolean unpackedNow) {

  public Snapshot {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(directory, "directory");
  }
}
