package org.iechorfile.engine.export;

import java.util.Objects;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;

/**
 * One layer of an exported image, its blob in the store.
 *
 * @param diffId sha256 of the uncompressed tar (the config's {@code diff_id})
 * @param blob the compressed blob's descriptor (the manifest's layer entry)
 */
public record ExportedLayer(Digest diffId, Descriptor blob) {
  public ExportedLayer {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(blob, "blob");
  }
}
