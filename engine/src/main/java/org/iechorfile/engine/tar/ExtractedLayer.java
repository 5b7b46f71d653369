package org.iechorfile.engine.tar;

import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * What unpacking a layer found.
 *
 * @param diffId the sha256 of the uncompressed tar stream (the layer's {@code diff_id})
 * @param uncompressedSize bytes of the uncompressed tar stream
 * @param entries how many tar entries were applied, whiteouts included
 */
public record ExtractedLayer(Digest diffId, long uncompressedSize, int entries) {

  public ExtractedLayer {
    Objects.requireNonNull(diffId, "diffId");
  }
}
