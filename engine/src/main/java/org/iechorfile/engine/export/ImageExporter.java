package org.iechorfile.engine.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.HistoryEntry;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.session.ImageState;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.store.Blob;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.LayerWriter;
import org.iechorfile.engine.tar.OverlayNamespace;

/**
 * Turns a session state into an OCI image in the store: each layer directory as a gzipped tar
 * (compressed in parallel across layers, each written once and remembered), the image config with
 * the layers' diff_ids and one history entry per step as BuildKit writes them (steps that made no
 * layer marked {@code empty_layer}), and the OCI manifest. Thread-safe.
 */
public final class ImageExporter {

  private final Store store;
  private final LayerBlobs blobs;
  private final Clock clock;
  private final int threads;

  /**
   * An exporter writing into {@code store}, reading overlay attributes in {@code overlay}'s
   * namespace, compressing up to {@code threads} layers at once.
   *
   * @throws IOException when the store's export records cannot be created
   */
  public ImageExporter(Store store, OverlayNamespace overlay, Clock clock, int threads)
      throws IOException {
    this.store = Objects.requireNonNull(store, "store");
    this.blobs = new LayerBlobs(store, new LayerWriter(overlay));
    this.clock = Objects.requireNonNull(clock, "clock");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /** An exporter with one compressing thread per processor. */
  public static ImageExporter of(Store store, Clock clock) throws IOException {
    return new ImageExporter(
        store, OverlayNamespace.current(), clock, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Exports {@code state}: writes what blobs are missing and returns the image.
   *
   * @throws IllegalArgumentException when the state has no stage yet (nothing to export)
   * @throws IOException when a layer cannot be read or the store written
   * @throws InterruptedException when interrupted while layers are being compressed
   */
  public ExportedImage export(ImageState state) throws IOException, InterruptedException {
    if (!state.inStage()) {
      throw new IllegalArgumentException("there is no image yet: start one with FROM");
    }
    List<ExportedLayer> layers = layers(state.layers());
    List<Digest> diffIds = layers.stream().map(ExportedLayer::diffId).toList();
    List<HistoryEntry> history = history(state.history(), layers.size());
    Platform platform = state.platform();
    ImageConfig config =
        new ImageConfig(
            platform.architecture(),
            platform.os(),
            platform.variant(),
            platform.osVersion(),
            Optional.of(created(history)),
            "",
            state.config(),
            diffIds,
            history);
    byte[] configBytes = ImageCodec.write(config);
    Blob configBlob = store.blobs().write(out -> out.write(configBytes));
    Manifest manifest =
        Manifest.oci(
            Descriptor.of(MediaTypes.OCI_CONFIG, configBlob.digest(), configBlob.size()),
            layers.stream().map(ExportedLayer::blob).toList());
    byte[] manifestBytes = ImageCodec.write(manifest);
    Blob manifestBlob = store.blobs().write(out -> out.write(manifestBytes));
    return new ExportedImage(
        Descriptor.of(MediaTypes.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size()),
        manifest,
        config,
        layers);
  }

  /**
   * Names {@code image} {@code name} in the store, so FROM and push find it.
   *
   * @return the normalised name ({@code docker.io/library/app:latest})
   * @throws InvalidReferenceException when {@code name} is not a valid image reference
   */
  public String tag(ExportedImage image, String name)
      throws IOException, InvalidReferenceException {
    String normalised = ImageReference.parse(name).toString();
    store.names().tag(normalised, image.manifestDescriptor().digest());
    return normalised;
  }

  private List<ExportedLayer> layers(List<LayerRef> refs) throws IOException, InterruptedException {
    if (refs.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, refs.size()));
    try {
      List<Future<ExportedLayer>> futures = new ArrayList<>();
      for (LayerRef ref : refs) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return blobs.blob(ref);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
      List<ExportedLayer> layers = new ArrayList<>();
      for (Future<ExportedLayer> future : futures) {
        layers.add(await(future));
      }
      return layers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ExportedLayer await(Future<ExportedLayer> future)
      throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("a layer could not be written: " + cause, cause);
    }
  }

  /**
   * The history, with one entry per layer: base images made without history get an entry for each
   * of their layers, so tools that pair history with layers (docker, podman) line them up.
   */
  static List<HistoryEntry> history(List<HistoryEntry> steps, int layers) {
    long withLayer = steps.stream().filter(h -> !h.emptyLayer()).count();
    List<HistoryEntry> history = new ArrayList<>();
    for (long i = withLayer; i < layers; i++) {
      history.add(new HistoryEntry(Optional.empty(), "", "", "base layer", false));
    }
    history.addAll(steps);
    return history;
  }

  private Instant created(List<HistoryEntry> history) {
    return history.stream()
        .flatMap(h -> h.created().stream())
        .max(Instant::compareTo)
        .orElseGet(clock::instant);
  }
}
