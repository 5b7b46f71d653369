package org.iechorfile.engine.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.RegistryClient;
import org.iechorfile.engine.registry.RegistryException;
import org.iechorfile.engine.store.Store;

/**
 * Pushes exported images to a registry: the layers the repository lacks, the config, then the
 * manifest under the reference's tag. Thread-safe.
 */
public final class ImagePush {

  private final Store store;
  private final RegistryClient registry;

  /** Pushes blobs kept in {@code store} through {@code registry}. */
  public ImagePush(Store store, RegistryClient registry) {
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Pushes {@code image} to {@code target}.
   *
   * @return the digest the registry stored the manifest under
   * @throws RegistryException when the registry refuses or cannot be reached; its message says what
   *     to do
   * @throws IOException when a blob is missing from the store
   */
  public Digest push(ExportedImage image, ImageReference target)
      throws RegistryException, IOException, InterruptedException {
    for (Descriptor layer : image.manifest().layers()) {
      pushBlob(target, layer);
    }
    Descriptor config = image.manifest().config();
    registry.pushBlob(target, config, store.blobs().read(config.digest()));
    byte[] manifest = store.blobs().read(image.manifestDescriptor().digest());
    return registry.pushManifest(target, manifest, image.manifestDescriptor().mediaType());
  }

  private void pushBlob(ImageReference target, Descriptor blob)
      throws RegistryException, IOException, InterruptedException {
    if (registry.blobExists(target, blob.digest())) {
      return;
    }
    Path temp = Files.createTempFile(store.root().resolve("tmp"), "push-", ".blob");
    try {
      try (InputStream in = store.blobs().open(blob.digest())) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      registry.pushBlob(target, blob, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
