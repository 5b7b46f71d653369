package org.iechorfile.engine.registry;

import java.util.Objects;
import java.util.Optional;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.Manifest;

/**
 * An image reference resolved to one platform's manifest.
 *
 * @param reference the reference asked for, pinned to {@code digest}
 * @param endpoint where it was found (the registry or a mirror); later blob fetches go there too
 * @param digest what the reference resolves to: the index digest for a multi-platform image, else
 *     the manifest digest (as {@code docker pull} shows it)
 * @param manifestDescriptor the descriptor of the chosen manifest
 * @param manifest the chosen manifest
 * @param manifestBytes the manifest exactly as served (its digest is the manifest digest)
 * @param index the index the manifest was chosen from, for a multi-platform image
 */
public record ResolvedImage(
    ImageReference reference,
    RegistryEndpoint endpoint,
    Digest digest,
    Descriptor manifestDescriptor,
    Manifest manifest,
    byte[] manifestBytes,
    Optional<ImageIndex> index) {

  public ResolvedImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
    Objects.requireNonNull(manifest, "manifest");
    manifestBytes = manifestBytes.clone();
    Objects.requireNonNull(index, "index");
  }

  /** A copy of the manifest bytes as served. */
  @Override
  public byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResolvedImage that
        && reference.equals(that.reference)
        && digest.equals(that.digest)
        && manifestDescriptor.equals(that.manifestDescriptor)
        && endpoint.equals(that.endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, digest, manifestDescriptor, endpoint);
  }

  @Override
  public String toString() {
    return "ResolvedImage[" + reference + " -> " + manifestDescriptor.digest() + "]";
  }
}
