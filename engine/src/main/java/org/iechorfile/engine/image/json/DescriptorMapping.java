package org.iechorfile.engine.image.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.InvalidDigestException;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.WireTypes.WireDescriptor;
import org.iechorfile.engine.image.json.WireTypes.WirePlatform;

/** Converts descriptors and platforms between wire and domain form. */
final class DescriptorMapping {
  private DescriptorMapping() {}

  static Descriptor toDomain(WireDescriptor wire, String where)
      throws InvalidImageDocumentException {
    if (wire == null) {
      throw new InvalidImageDocumentException(where + ": descriptor is missing");
    }
    if (wire.mediaType() == null || wire.mediaType().isEmpty()) {
      throw new InvalidImageDocumentException(where + ": descriptor has no mediaType");
    }
    if (wire.size() == null || wire.size() < 0) {
      throw new InvalidImageDocumentException(where + ": descriptor has no valid size");
    }
    Optional<Platform> platform =
        wire.platform() == null ? Optional.empty() : Optional.of(toDomain(wire.platform()));
    return new Descriptor(
        wire.mediaType(),
        digest(wire.digest(), where),
        wire.size(),
        platform,
        orEmpty(wire.annotations()),
        wire.urls() == null ? List.of() : wire.urls());
  }

  static List<Descriptor> toDomain(List<WireDescriptor> wires, String where)
      throws InvalidImageDocumentException {
    if (wires == null) {
      return List.of();
    }
    List<Descriptor> out = new ArrayList<>(wires.size());
    for (int i = 0; i < wires.size(); i++) {
      out.add(toDomain(wires.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  static Platform toDomain(WirePlatform wire) {
    return new Platform(
        nonNull(wire.os()),
        nonNull(wire.architecture()),
        nonNull(wire.variant()),
        nonNull(wire.osVersion()),
        wire.osFeatures() == null ? List.of() : wire.osFeatures());
  }

  static WireDescriptor toWire(Descriptor descriptor) {
    return new WireDescriptor(
        descriptor.mediaType(),
        descriptor.digest().toString(),
        descriptor.size(),
        descriptor.urls().isEmpty() ? null : descriptor.urls(),
        sortedOrNull(descriptor.annotations()),
        descriptor.platform().map(DescriptorMapping::toWire).orElse(null),
        null);
  }

  static List<WireDescriptor> toWire(List<Descriptor> descriptors) {
    return descriptors.stream().map(DescriptorMapping::toWire).toList();
  }

  static WirePlatform toWire(Platform platform) {
    return new WirePlatform(
        platform.architecture(),
        platform.os(),
        emptyToNull(platform.osVersion()),
        platform.osFeatures().isEmpty() ? null : platform.osFeatures(),
        emptyToNull(platform.variant()));
  }

  static Digest digest(String text, String where) throws InvalidImageDocumentException {
    if (text == null) {
      throw new InvalidImageDocumentException(where + ": digest is missing");
    }
    try {
      return Digest.parse(text);
    } catch (InvalidDigestException e) {
      throw new InvalidImageDocumentException(where + ": " + e.getMessage(), e);
    }
  }

  static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  static Map<String, String> sortedOrNull(Map<String, String> map) {
    return map.isEmpty() ? null : new TreeMap<>(map);
  }

  static String nonNull(String text) {
    return text == null ? "" : text;
  }

  static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
