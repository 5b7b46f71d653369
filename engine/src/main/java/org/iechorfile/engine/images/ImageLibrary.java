package org.iechorfile.engine.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageNotFoundException;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.registry.NoMatchingPlatformException;
import org.iechorfile.engine.registry.PullProgressListener;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryException;
import org.iechorfile.engine.registry.RegistryUnreachableException;
import org.iechorfile.engine.registry.ResolvedImage;
import org.iechorfile.engine.registry.UnauthorizedException;
import org.iechorfile.engine.store.Snapshot;
import org.iechorfile.engine.store.Store;

/**
 * The images a user has: found in the local store by name, or pulled from a registry into it
 * (manifest, config and layer blobs, then each layer unpacked once into a shared snapshot).
 * Thread-safe; several processes may pull into one store at once.
 */
public final class ImageLibrary {

  private final Store store;
  private final RegistryClient registry;

  public ImageLibrary(Store store, RegistryClient registry) {
    this.store = store;
    this.registry = registry;
  }

  /** The store behind this library. */
  public Store store() {
    return store;
  }

  /**
   * The image {@code reference} for {@code platform}: from the store when it has it, else pulled.
   *
   * @throws ImageUnavailable when it cannot be found or pulled; the message says what to do
   */
  public LocalImage get(String reference, Platform platform, PullProgressListener progress)
      throws ImageUnavailable, IOException, InterruptedException {
    ImageReference ref = parse(reference);
    Optional<LocalImage> local = local(ref, platform);
    if (local.isPresent()) {
      return local.get();
    }
    return pull(ref, platform, progress);
  }

  /** Pulls {@code reference} even when the store has it, and names it in the store. */
  public LocalImage pull(String reference, Platform platform, PullProgressListener progress)
      throws ImageUnavailable, IOException, InterruptedException {
    return pull(parse(reference), platform, progress);
  }

  private LocalImage pull(ImageReference ref, Platform platform, PullProgressListener progress)
      throws ImageUnavailable, IOException, InterruptedException {
    try {
      ResolvedImage resolved = registry.resolve(ref, platform);
      Digest manifestDigest = resolved.manifestDescriptor().digest();
      byte[] configBytes = registry.fetchConfigBytes(resolved);
      Manifest manifest = resolved.manifest();
      downloadMissingLayers(resolved, manifest, progress);
      store.blobs().put(new java.io.ByteArrayInputStream(configBytes), manifest.config().digest());
      store.blobs().put(new java.io.ByteArrayInputStream(resolved.manifestBytes()), manifestDigest);
      ImageConfig config = ImageCodec.parseConfig(configBytes);
      List<Snapshot> layers = unpack(manifest, config);
      store.names().tag(ref.toString(), manifestDigest);
      return new LocalImage(ref.toString(), manifestDigest, config, layers);
    } catch (ImageNotFoundException | NoMatchingPlatformException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.NOT_FOUND, e.getMessage(), e);
    } catch (UnauthorizedException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.UNAUTHORIZED, e.getMessage(), e);
    } catch (RegistryUnreachableException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.UNREACHABLE, e.getMessage(), e);
    } catch (RegistryException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.OTHER, e.getMessage(), e);
    } catch (InvalidImageDocumentException e) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "the image config of " + ref.familiar() + " is not valid: " + e.getMessage(),
          e);
    }
  }

  private void downloadMissingLayers(
      ResolvedImage resolved, Manifest manifest, PullProgressListener progress)
      throws RegistryException, InterruptedException, IOException {
    Path downloads = Files.createDirectories(store.root().resolve("tmp"));
    Map<Digest, Path> targets = new ConcurrentHashMap<>();
    List<Descriptor> missing = new ArrayList<>();
    for (Descriptor layer : manifest.layers()) {
      if (store.blobs().contains(layer.digest())) {
        progress.progressed(layer, layer.size(), layer.size());
      } else {
        missing.add(layer);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      for (Descriptor layer : missing) {
        targets.put(layer.digest(), Files.createTempFile(downloads, "layer-", ".download"));
      }
      ResolvedImage onlyMissing =
          new ResolvedImage(
              resolved.reference(),
              resolved.endpoint(),
              resolved.digest(),
              resolved.manifestDescriptor(),
              new Manifest(
                  manifest.mediaType(), manifest.config(), missing, manifest.annotations()),
              resolved.manifestBytes(),
              resolved.index());
      registry.downloadLayers(onlyMissing, d -> targets.get(d.digest()), progress);
      for (Descriptor layer : missing) {
        try (InputStream in = Files.newInputStream(targets.get(layer.digest()))) {
          store.blobs().put(in, layer.digest());
        }
      }
    } finally {
      for (Path target : targets.values()) {
        Files.deleteIfExists(target);
      }
    }
  }

  private List<Snapshot> unpack(Manifest manifest, ImageConfig config) throws IOException {
    List<Descriptor> blobs = manifest.layers();
    List<Digest> diffIds = config.diffIds();
    if (blobs.size() != diffIds.size()) {
      throw new IOException(
          "the image's manifest lists "
              + blobs.size()
              + " layers but its config "
              + diffIds.size()
              + "; the image is broken");
    }
    List<Snapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      Digest blob = blobs.get(i).digest();
      snapshots.add(store.snapshots().unpack(diffIds.get(i), () -> store.blobs().open(blob)));
    }
    return snapshots;
  }

  /** The image named {@code ref} in the store, when it has it whole. */
  private Optional<LocalImage> local(ImageReference ref, Platform platform) throws IOException {
    Optional<Digest> named = store.names().resolve(ref.toString());
    if (named.isEmpty() || !store.blobs().contains(named.get())) {
      return Optional.empty();
    }
    try {
      Manifest manifest = ImageCodec.parseManifest(store.blobs().read(named.get()));
      if (!store.blobs().contains(manifest.config().digest())) {
        return Optional.empty();
      }
      ImageConfig config = ImageCodec.parseConfig(store.blobs().read(manifest.config().digest()));
      if (!platform.matches(config.platform())) {
        return Optional.empty();
      }
      for (Descriptor layer : manifest.layers()) {
        if (!store.blobs().contains(layer.digest())) {
          return Optional.empty();
        }
      }
      return Optional.of(
          new LocalImage(ref.toString(), named.get(), config, unpack(manifest, config)));
    } catch (InvalidImageDocumentException e) {
      return Optional.empty();
    }
  }

  private static ImageReference parse(String reference) throws ImageUnavailable {
    try {
      return ImageReference.parse(reference);
    } catch (InvalidReferenceException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.INVALID_REFERENCE, e.getMessage(), e);
    }
  }
}
