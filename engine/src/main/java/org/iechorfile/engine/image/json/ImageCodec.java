package org.iechorfile.engine.image.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.json.WireTypes.WireImageConfig;
import org.iechorfile.engine.image.json.WireTypes.WireIndex;
import org.iechorfile.engine.image.json.WireTypes.WireManifest;

/**
 * Reads manifests, indexes and image configs from JSON bytes and writes them as canonical bytes:
 * compact UTF-8, fields in the specs' order, map keys sorted, empty optional fields left out. The
 * digest of what {@code write} returns is the digest of the document. Unknown fields are ignored
 * when reading. Thread-safe; holds no state.
 */
public final class ImageCodec {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
          .build();

  private ImageCodec() {}

  /**
   * Parses a single-image manifest. A manifest without a {@code mediaType} field is taken as OCI,
   * as the OCI spec allows.
   *
   * @throws InvalidImageDocumentException when the bytes are not such a manifest
   */
  public static Manifest parseManifest(byte[] json) throws InvalidImageDocumentException {
    WireManifest wire = read(json, WireManifest.class, "manifest");
    String mediaType = wire.mediaType() == null ? MediaTypes.OCI_MANIFEST : wire.mediaType();
    if (!MediaTypes.isManifest(mediaType)) {
      throw new InvalidImageDocumentException(
          "manifest: expected an image manifest but mediaType is " + mediaType);
    }
    if (wire.schemaVersion() == null || wire.schemaVersion() != 2) {
      throw new InvalidImageDocumentException(
          "manifest: schemaVersion must be 2, found " + wire.schemaVersion());
    }
    Descriptor config = DescriptorMapping.toDomain(wire.config(), "manifest.config");
    return new Manifest(
        mediaType,
        config,
        DescriptorMapping.toDomain(wire.layers(), "manifest.layers"),
        DescriptorMapping.orEmpty(wire.annotations()));
  }

  /**
   * Parses an OCI index or a Docker manifest list. An index without a {@code mediaType} field is
   * taken as OCI.
   *
   * @throws InvalidImageDocumentException when the bytes are not such an index
   */
  public static ImageIndex parseIndex(byte[] json) throws InvalidImageDocumentException {
    WireIndex wire = read(json, WireIndex.class, "index");
    String mediaType = wire.mediaType() == null ? MediaTypes.OCI_INDEX : wire.mediaType();
    if (!MediaTypes.isIndex(mediaType)) {
      throw new InvalidImageDocumentException(
          "index: expected an image index but mediaType is " + mediaType);
    }
    if (wire.manifests() == null) {
      throw new InvalidImageDocumentException("index: the manifests field is missing");
    }
    return new ImageIndex(
        mediaType,
        DescriptorMapping.toDomain(wire.manifests(), "index.manifests"),
        DescriptorMapping.orEmpty(wire.annotations()));
  }

  /**
   * Parses an image config (OCI or Docker).
   *
   * @throws InvalidImageDocumentException when the bytes are not an image config
   */
  public static ImageConfig parseConfig(byte[] json) throws InvalidImageDocumentException {
    WireImageConfig wire = read(json, WireImageConfig.class, "image config");
    if (wire.os() == null || wire.architecture() == null) {
      throw new InvalidImageDocumentException("image config: os and architecture are required");
    }
    return ConfigMapping.toDomain(wire);
  }

  /**
   * The {@code mediaType} field of a manifest or index, when it has one. Registries send it as the
   * {@code Content-Type} too, but some send {@code application/json}.
   *
   * @throws InvalidImageDocumentException when the bytes are not a JSON object
   */
  public static Optional<String> declaredMediaType(byte[] json)
      throws InvalidImageDocumentException {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidImageDocumentException("not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new InvalidImageDocumentException("not a JSON object");
    }
    JsonNode mediaType = node.get("mediaType");
    return mediaType != null && mediaType.isTextual()
        ? Optional.of(mediaType.asText())
        : Optional.empty();
  }

  /** The canonical bytes of {@code manifest}. */
  public static byte[] write(Manifest manifest) {
    return bytes(
        new WireManifest(
            2,
            manifest.mediaType(),
            null,
            DescriptorMapping.toWire(manifest.config()),
            DescriptorMapping.toWire(manifest.layers()),
            null,
            DescriptorMapping.sortedOrNull(manifest.annotations())));
  }

  /** The canonical bytes of {@code index}. */
  public static byte[] write(ImageIndex index) {
    return bytes(
        new WireIndex(
            2,
            index.mediaType(),
            null,
            DescriptorMapping.toWire(index.manifests()),
            null,
            DescriptorMapping.sortedOrNull(index.annotations())));
  }

  /** The canonical bytes of {@code config}. */
  public static byte[] write(ImageConfig config) {
    return bytes(ConfigMapping.toWire(config));
  }

  static <T> T read(byte[] json, Class<T> type, String what) throws InvalidImageDocumentException {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new InvalidImageDocumentException(what + ": the document is JSON null");
      }
      return value;
    } catch (IOException e) {
      String detail =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      throw new InvalidImageDocumentException(what + ": not valid JSON: " + detail, e);
    }
  }

  static byte[] bytes(Object wire) {
    try {
      return MAPPER.writeValueAsBytes(wire);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + wire.getClass().getSimpleName(), e);
    }
  }
}
