package org.iechorfile.engine.tar;

import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * The digests and sizes of a layer written by {@link LayerWriter}, all from one pass.
 *
 * @param diffId sha256 of the uncompressed tar (the image config's {@code diff_id})
 * @param uncompressedSize bytes of the uncompressed tar
 * @param digest sha256 of the bytes written (the manifest's layer digest); equals {@code diffId}
 *     when not compressed
 * @param size bytes written
 */
public record WrittenLayer(Digest diffId, long uncompressedSize, Digest digest, long size) {

  public WrittenLayer {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(digest, "digest");
  }
}
