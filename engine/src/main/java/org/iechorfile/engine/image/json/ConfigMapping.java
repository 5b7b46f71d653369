package org.iechorfile.engine.image.json;

import static org.iechorfile.engine.image.json.DescriptorMapping.emptyToNull;
import static org.iechorfile.engine.image.json.DescriptorMapping.nonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.Healthcheck;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.RuntimeConfig;
import org.iechorfile.engine.image.json.WireTypes.WireHealthcheck;
import org.iechorfile.engine.image.json.WireTypes.WireHistory;
import org.iechorfile.engine.image.json.WireTypes.WireImageConfig;
import org.iechorfile.engine.image.json.WireTypes.WireRootFs;
import org.iechorfile.engine.image.json.WireTypes.WireRuntimeConfig;

/** Converts image configs between wire and domain form. */
final class ConfigMapping {
  private ConfigMapping() {}

  static ImageConfig toDomain(WireImageConfig wire) throws InvalidImageDocumentException {
    List<Digest> diffIds = new ArrayList<>();
    if (wire.rootfs() != null && wire.rootfs().diffIds() != null) {
      for (int i = 0; i < wire.rootfs().diffIds().size(); i++) {
        diffIds.add(
            DescriptorMapping.digest(wire.rootfs().diffIds().get(i), "rootfs.diff_ids[" + i + "]"));
      }
    }
    List<HistoryEntry> history = new ArrayList<>();
    if (wire.history() != null) {
      for (WireHistory entry : wire.history()) {
        history.add(
            new HistoryEntry(
                instant(entry.created(), "history.created"),
                nonNull(entry.createdBy()),
                nonNull(entry.author()),
                nonNull(entry.comment()),
                Boolean.TRUE.equals(entry.emptyLayer())));
      }
    }
    return new ImageConfig(
        nonNull(wire.architecture()),
        nonNull(wire.os()),
        nonNull(wire.variant()),
        nonNull(wire.osVersion()),
        instant(wire.created(), "created"),
        nonNull(wire.author()),
        wire.config() == null ? RuntimeConfig.EMPTY : toDomain(wire.config()),
        diffIds,
        history);
  }

  private static RuntimeConfig toDomain(WireRuntimeConfig wire) {
    return new RuntimeConfig(
        nonNull(wire.user()),
        list(wire.env()),
        list(wire.entrypoint()),
        list(wire.cmd()),
        nonNull(wire.workingDir()),
        wire.exposedPorts() == null ? Set.of() : wire.exposedPorts().keySet(),
        wire.volumes() == null ? Set.of() : wire.volumes().keySet(),
        wire.labels() == null ? Map.of() : wire.labels(),
        nonNull(wire.stopSignal()),
        Optional.ofNullable(wire.healthcheck()).map(ConfigMapping::toDomain),
        list(wire.onBuild()),
        list(wire.shell()),
        Boolean.TRUE.equals(wire.argsEscaped()));
  }

  private static Healthcheck toDomain(WireHealthcheck wire) {
    return new Healthcheck(
        list(wire.test()),
        nanos(wire.interval()),
        nanos(wire.timeout()),
        nanos(wire.startPeriod()),
        nanos(wire.startInterval()),
        wire.retries() == null ? 0 : wire.retries());
  }

  static WireImageConfig toWire(ImageConfig config) {
    List<WireHistory> history =
        config.history().stream()
            .map(
                h ->
                    new WireHistory(
                        h.created().map(Instant::toString).orElse(null),
                        emptyToNull(h.createdBy()),
                        emptyToNull(h.author()),
                        emptyToNull(h.comment()),
                        h.emptyLayer() ? Boolean.TRUE : null))
            .toList();
    return new WireImageConfig(
        config.created().map(Instant::toString).orElse(null),
        emptyToNull(config.author()),
        config.architecture(),
        config.os(),
        emptyToNull(config.osVersion()),
        null,
        emptyToNull(config.variant()),
        toWire(config.config()),
        new WireRootFs("layers", config.diffIds().stream().map(Digest::toString).toList()),
        history.isEmpty() ? null : history);
  }

  private static WireRuntimeConfig toWire(RuntimeConfig c) {
    return new WireRuntimeConfig(
        emptyToNull(c.user()),
        set(c.exposedPorts()),
        listOrNull(c.env()),
        listOrNull(c.entrypoint()),
        listOrNull(c.cmd()),
        set(c.volumes()),
        emptyToNull(c.workingDir()),
        c.labels().isEmpty() ? null : c.labels(),
        emptyToNull(c.stopSignal()),
        c.argsEscaped() ? Boolean.TRUE : null,
        c.healthcheck().map(ConfigMapping::toWire).orElse(null),
        listOrNull(c.onBuild()),
        listOrNull(c.shell()));
  }

  private static WireHealthcheck toWire(Healthcheck h) {
    return new WireHealthcheck(
        h.test(),
        nanosOrNull(h.interval()),
        nanosOrNull(h.timeout()),
        nanosOrNull(h.startPeriod()),
        nanosOrNull(h.startInterval()),
        h.retries() == 0 ? null : h.retries());
  }

  private static Optional<Instant> instant(String text, String where)
      throws InvalidImageDocumentException {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException again) {
        throw new InvalidImageDocumentException(
            where + ": not an RFC 3339 time: \"" + text + "\"", again);
      }
    }
  }

  private static List<String> list(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static List<String> listOrNull(List<String> list) {
    return list.isEmpty() ? null : list;
  }

  private static Map<String, Object> set(Set<String> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k, Map.of()));
    return out;
  }

  private static Duration nanos(Long value) {
    return value == null ? Duration.ZERO : Duration.ofNanos(value);
  }

  private static Long nanosOrNull(Duration duration) {
    return duration.isZero() ? null : duration.toNanos();
  }
}
