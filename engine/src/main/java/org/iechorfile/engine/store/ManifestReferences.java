package org.iechorfile.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iechorfile.engine.image.Digest;

/**
 * The references an image document holds, read leniently with Jackson: an index or manifest list
 * names child manifests; a manifest names its config and layers (with sizes); a config names its
 * layers' diff_ids. Only what garbage collection and {@code images} need is read.
 *
 * @param children manifests listed by an index
 * @param configs the config blob a manifest names (none or one)
 * @param blobs config and layer blobs listed by a manifest
 * @param blobSizes the size each descriptor in {@code blobs} announces, in the same order
 * @param diffIds diff_ids listed by an image config
 */
record ManifestReferences(
    List<Digest> children,
    List<Digest> configs,
    List<Digest> blobs,
    List<Long> blobSizes,
    List<Digest> diffIds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  ManifestReferences {
    children = List.copyOf(children);
    configs = List.copyOf(configs);
    blobs = List.copyOf(blobs);
    blobSizes = List.copyOf(blobSizes);
    diffIds = List.copyOf(diffIds);
  }

  /**
   * Reads a manifest, index or config. A document that is not JSON holds no references.
   *
   * @throws IOException never for content; declared for Jackson's stream API
   */
  static ManifestReferences read(byte[] document) throws IOException {
    JsonNode json;
    try {
      json = JSON.readTree(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return new ManifestReferences(List.of(), List.of(), List.of(), List.of(), List.of());
    }
    List<Digest> children = new ArrayList<>();
    for (JsonNode manifest : json.path("manifests")) {
      digest(manifest.path("digest")).ifPresent(children::add);
    }
    List<Digest> configs = new ArrayList<>();
    digest(json.path("config").path("digest")).ifPresent(configs::add);
    List<Digest> blobs = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    List<JsonNode> descriptors = new ArrayList<>();
    if (json.path("config").isObject()) {
      descriptors.add(json.path("config"));
    }
    json.path("layers").forEach(descriptors::add);
    for (JsonNode descriptor : descriptors) {
      digest(descriptor.path("digest"))
          .ifPresent(
              d -> {
                blobs.add(d);
                sizes.add(descriptor.path("size").asLong(0));
              });
    }
    List<Digest> diffIds = new ArrayList<>();
    for (JsonNode diffId : json.path("rootfs").path("diff_ids")) {
      digest(diffId).ifPresent(diffIds::add);
    }
    return new ManifestReferences(children, configs, blobs, sizes, diffIds);
  }

  private static java.util.Optional<Digest> digest(JsonNode node) {
    if (!node.isTextual()) {
      return java.util.Optional.empty();
    }
    try {
      Digest digest = Digest.parse(node.asText());
      return digest.algorithm().equals("sha256")
          ? java.util.Optional.of(digest)
          : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
