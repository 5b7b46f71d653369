package org.iechorfile.engine.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image config: the platform, the runtime config, the layer diff ids and the history. Every
 * {@code with} method returns a new value.
 *
 * @param architecture the CPU architecture, for example {@code amd64}
 * @param os the operating system, for example {@code linux}
 * @param variant the CPU variant; empty when not given
 * @param osVersion the OS version; empty when not given
 * @param created when the image was made
 * @param author who made it; empty when unknown
 * @param config how containers run
 * @param diffIds the digests of the uncompressed layers, base first
 * @param history one entry per step, base first
 */
public record ImageConfig(
    String architecture,
    String os,
    String variant,
    String osVersion,
    Optional<Instant> created,
    String author,
    RuntimeConfig config,
    List<Digest> diffIds,
    List<HistoryEntry> history) {

  public ImageConfig {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(config, "config");
    diffIds = List.copyOf(diffIds);
    history = List.copyOf(history);
  }

  /** An image for {@code platform} with no layers, no history and nothing configured. */
  public static ImageConfig empty(Platform platform) {
    return new ImageConfig(
        platform.architecture(),
        platform.os(),
        platform.variant(),
        platform.osVersion(),
        Optional.empty(),
        "",
        RuntimeConfig.EMPTY,
        List.of(),
        List.of());
  }

  /** The platform this image is for. */
  public Platform platform() {
    return new Platform(os, architecture, variant, osVersion, List.of());
  }

  /** This image with its runtime config replaced by {@code newConfig}. */
  public ImageConfig withConfig(RuntimeConfig newConfig) {
    return new ImageConfig(
        architecture, os, variant, osVersion, created, author, newConfig, diffIds, history);
  }

  /** This image with environment variable {@code name} set to {@code value}. */
  public ImageConfig withEnv(String name, String value) {
    return withConfig(config.withEnv(name, value));
  }

  /** This image running as {@code user}. */
  public ImageConfig withUser(String user) {
    return withConfig(config.withUser(user));
  }

  /** This image with working directory {@code dir}. */
  public ImageConfig withWorkingDir(String dir) {
    return withConfig(config.withWorkingDir(dir));
  }

  /** This image with {@code entrypoint} (and, as in Docker, no command). */
  public ImageConfig withEntrypoint(List<String> entrypoint) {
    return withConfig(config.withEntrypoint(entrypoint));
  }

  /** This image with default command {@code cmd}. */
  public ImageConfig withCmd(List<String> cmd) {
    return withConfig(config.withCmd(cmd));
  }

  /** This image with label {@code key} set to {@code value}. */
  public ImageConfig withLabel(String key, String value) {
    return withConfig(config.withLabel(key, value));
  }

  /** This image made at {@code instant}. */
  public ImageConfig withCreated(Instant instant) {
    return new ImageConfig(
        architecture,
        os,
        variant,
        osVersion,
        Optional.of(instant),
        author,
        config,
        diffIds,
        history);
  }

  /** This image made by {@code newAuthor}. */
  public ImageConfig withAuthor(String newAuthor) {
    return new ImageConfig(
        architecture, os, variant, osVersion, created, newAuthor, config, diffIds, history);
  }

  /** This image with one more layer, {@code diffId}, made by the step {@code entry}. */
  public ImageConfig withLayer(Digest diffId, HistoryEntry entry) {
    if (entry.emptyLayer()) {
      throw new IllegalArgumentException("a history entry for a new layer cannot be empty_layer");
    }
    List<Digest> ids = new ArrayList<>(diffIds);
    ids.add(diffId);
    List<HistoryEntry> steps = new ArrayList<>(history);
    steps.add(entry);
    return new ImageConfig(
        architecture, os, variant, osVersion, created, author, config, ids, steps);
  }

  /** This image with one more history entry, {@code entry}, for a step that made no layer. */
  public ImageConfig withHistory(HistoryEntry entry) {
    if (!entry.emptyLayer()) {
      throw new IllegalArgumentException(
          "a step that made a layer is added with withLayer, not withHistory");
    }
    List<HistoryEntry> steps = new ArrayList<>(history);
    steps.add(entry);
    return new ImageConfig(
        architecture, os, variant, osVersion, created, author, config, diffIds, steps);
  }
}
