package org.iechorfile.engine.store;

import java.util.Objects;
import org.iechorfile.engine.image.Digest;

/**
 * One line of {@code iechorfile images}.
 *
 * @param name the image name
 * @param manifest the manifest (or index) digest it points at
 * @param size bytes of the manifest, config and layer blobs it refers to (compressed), counting
 *     each blob once
 * @param complete whether every blob it refers to is in the store
 */
public record ImageSummary(String name, Digest manifest, long size, boolean complete) {

  public ImageSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(manifest, "manifest");
  }
}
