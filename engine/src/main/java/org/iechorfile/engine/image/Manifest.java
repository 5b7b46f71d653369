package org.iechorfile.engine.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-image manifest: an OCI image manifest or a Docker v2 schema 2 manifest, which share
 * their shape. The media type says which one it is and is kept when the manifest is written back.
 *
 * @param mediaType {@link MediaTypes#OCI_MANIFEST} or {@link MediaTypes#DOCKER_MANIFEST}
 * @param config the descriptor of the image config
 * @param layers the layer descriptors, base layer first
 * @param annotations manifest annotations (OCI); may be empty
 */
public record Manifest(
    String mediaType, Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {

  public Manifest {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(config, "config");
    if (!MediaTypes.isManifest(mediaType)) {
      throw new IllegalArgumentException("not a manifest media type: " + mediaType);
    }
    layers = List.copyOf(layers);
    annotations = Map.copyOf(annotations);
  }

  /** An OCI manifest for {@code config} and {@code layers}. */
  public static Manifest oci(Descriptor config, List<Descriptor> layers) {
    return new Manifest(MediaTypes.OCI_MANIFEST, config, layers, Map.of());
  }

  /** Whether this is a Docker schema 2 manifest rather than an OCI one. */
  public boolean isDocker() {
    return mediaType.equals(MediaTypes.DOCKER_MANIFEST);
  }

  /** The sum of the layer sizes (compressed, as stored in the registry). */
  public long layersSize() {
    return layers.stream().mapToLong(Descriptor::size).sum();
  }
}
