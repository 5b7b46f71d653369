package org.iechorfile.engine.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reference to content by digest, as manifests and indexes hold them.
 *
 * @param mediaType the media type of the referenced content
 * @param digest its digest
 * @param size its size in bytes, never negative
 * @param platform the platform it is for (index entries only)
 * @param annotations annotations, sorted by key
 * @param urls alternative URLs to fetch it from (foreign layers); may be empty
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Optional<Platform> platform,
    Map<String, String> annotations,
    List<String> urls) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(platform, "platform");
    if (size < 0) {
      throw new IllegalArgumentException("descriptor size must not be negative: " + size);
    }
    annotations = Map.copyOf(annotations);
    urls = List.copyOf(urls);
  }

  /** A descriptor with no platform, annotations or URLs. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, Optional.empty(), Map.of(), List.of());
  }

  /** The sha256 descriptor of {@code content}. */
  public static Descriptor of(String mediaType, byte[] content) {
    return of(mediaType, Digest.sha256(content), content.length);
  }

  /** This descriptor for {@code newPlatform}. */
  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, Optional.of(newPlatform), annotations, urls);
  }

  /** The annotations in key order. */
  public Map<String, String> sortedAnnotations() {
    return new TreeMap<>(annotations);
  }
}
