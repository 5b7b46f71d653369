package org.iechorfile.engine.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryException;
import org.iechorfile.engine.store.Store;

/**
 * Pushes an image that is in the store, by name, to a registry: its layer and config blobs (those
 * the registry lacks), then its manifest under the target's tag. Use from one thread.
 */
public final class ImagePush {

  /** Told about each blob as it is pushed or found already there. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param blob the blob
     * @param uploaded true when it was uploaded, false when the registry had it
     */
    void blobDone(Descriptor blob, boolean uploaded);
  }

  private final Store store;
  private final RegistryClient registry;

  /** Pushes images of {@code store} with {@code registry}. */
  public ImagePush(Store store, RegistryClient registry) {
    this.store = store;
    this.registry = registry;
  }

  /**
   * Pushes the image named {@code name} in the store to {@code target}.
   *
   * @return the digest of the manifest in the registry
   * @throws ImageUnavailable when the name is not in the store, a reference is invalid or the
   *     registry refuses; the message says what to do
   */
  public Digest push(String name, String target, Progress progress)
      throws ImageUnavailable, IOException, InterruptedException {
    ImageReference source = reference(name);
    ImageReference destination = reference(target);
    Optional<Digest> manifestDigest = store.names().resolve(source.toString());
    if (manifestDigest.isEmpty() || !store.blobs().contains(manifestDigest.get())) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.NOT_FOUND,
          "no image "
              + source.familiar()
              + " in the store; see the names with: iechorfile images, or pull it first",
          null);
    }
    byte[] manifestBytes = store.blobs().read(manifestDigest.get());
    Manifest manifest;
    try {
      manifest = ImageCodec.parseManifest(manifestBytes);
    } catch (InvalidImageDocumentException e) {
      throw new IOException("the stored manifest of " + source.familiar() + " is broken", e);
    }
    List<Descriptor> blobs = new ArrayList<>(manifest.layers());
    blobs.add(manifest.config());
    try {
      for (Descriptor blob : blobs) {
        progress.blobDone(blob, pushBlob(destination, blob, source));
      }
      return registry.pushManifest(destination, manifestBytes, manifest.mediaType());
    } catch (RegistryException e) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "pushing to " + destination.familiar() + " failed: " + e.getMessage(),
          e);
    }
  }

  private boolean pushBlob(ImageReference destination, Descriptor blob, ImageReference source)
      throws IOException, InterruptedException, RegistryException, ImageUnavailable {
    if (!store.blobs().contains(blob.digest())) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "the store lacks blob "
              + blob.digest()
              + " of "
              + source.familiar()
              + "; pull the image again, then push",
          null);
    }
    if (registry.blobExists(destination, blob.digest())) {
      return false;
    }
    Path tmp = Files.createDirectories(store.root().resolve("tmp"));
    Path copy = Files.createTempFile(tmp, "push-", ".blob");
    try {
      try (InputStream in = store.blobs().open(blob.digest())) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return registry.pushBlob(destination, blob, copy);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private static ImageReference reference(String text) throws ImageUnavailable {
    try {
      return ImageReference.parse(text);
    } catch (InvalidReferenceException e) {
      throw new ImageUnavailable(ImageUnavailable.Reason.INVALID_REFERENCE, e.getMessage(), e);
    }
  }
}
