package org.iechorfile.engine.export;

import java.util.List;
import java.util.Objects;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Manifest;

/**
 * An image made from a session state, every blob (layers, config, manifest) in the store.
 *
 * @param manifestDescriptor the descriptor of the manifest blob
 * @param manifest the OCI manifest
 * @param config the image config (with its diff_ids and history)
 * @param layers the layers, base first, in manifest order
 */
public record ExportedImage(
    Descriptor manifestDescriptor,
    Manifest manifest,
    ImageConfig config,
    List<ExportedLayer> layers) {
  public ExportedImage {
    Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }

  /** The image id as Docker and podman print it: the config's digest. */
  public String id() {
    return manifest.config().digest().toString();
  }
}
