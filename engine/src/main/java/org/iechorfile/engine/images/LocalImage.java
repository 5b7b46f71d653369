package org.iechorfile.engine.images;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.store.Snapshot;

/**
 * An image in the local store, ready to build on.
 *
 * @param reference the normalised reference it is known by
 * @param manifest the digest of its manifest
 * @param config its config
 * @param layers its layers unpacked, base first
 */
public record LocalImage(
    String reference, Digest manifest, ImageConfig config, List<Snapshot> layers) {
  public LocalImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }
}
