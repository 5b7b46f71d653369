package org.iechorfile.engine.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageConfig;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.session.LayerRef;
import org.iechorfile.engine.store.Blob;
import org.iechorfile.engine.store.Store;
import org.iechorfile.engine.tar.LayerWriteOptions;
import org.iechorfile.engine.tar.LayerWriter;
import org.iechorfile.engine.tar.WrittenLayer;

/**
 * The compressed blob of each layer directory, made once: a pulled layer reuses the blob it was
 * pulled as (so an exported image shares its base layers with the base image, as BuildKit's do), a
 * session layer is written as a gzipped tar into the store and remembered under {@code exports/} by
 * layer id (layers never change once committed). Thread-safe.
 */
final class LayerBlobs {

  private static final String SNAPSHOT_PREFIX = "snapshot-";

  private final Store store;
  private final LayerWriter writer;
  private final Path memos;
  private Map<Digest, Descriptor> pulled;

  LayerBlobs(Store store, LayerWriter writer) throws IOException {
    this.store = store;
    this.writer = writer;
    this.memos = Files.createDirectories(store.root().resolve("exports"));
  }

  /** The blob of {@code layer}, written now when it has none yet. */
  ExportedLayer blob(LayerRef layer) throws IOException {
    Optional<ExportedLayer> known = remembered(layer.id());
    if (known.isPresent()) {
      return known.get();
    }
    if (layer.id().startsWith(SNAPSHOT_PREFIX)) {
      Optional<ExportedLayer> original = pulledBlob(layer.id().substring(SNAPSHOT_PREFIX.length()));
      if (original.isPresent()) {
        return original.get();
      }
    }
    WrittenLayer[] written = new WrittenLayer[1];
    Blob blob =
        store
            .blobs()
            .write(
                out ->
                    written[0] = writer.write(layer.directory(), out, LayerWriteOptions.gzipped()));
    ExportedLayer exported =
        new ExportedLayer(
            written[0].diffId(),
            Descriptor.of(MediaTypes.OCI_LAYER_GZIP, blob.digest(), blob.size()));
    remember(layer.id(), exported);
    return exported;
  }

  private Optional<ExportedLayer> remembered(String id) throws IOException {
    Path memo = memos.resolve(id);
    String[] fields;
    try {
      fields = Files.readString(memo, StandardCharsets.UTF_8).strip().split("\n");
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (fields.length != 4) {
      return Optional.empty();
    }
    Digest digest = Digest.parse(fields[2]);
    if (!store.blobs().contains(digest)) {
      return Optional.empty();
    }
    return Optional.of(
        new ExportedLayer(
            Digest.parse(fields[0]), Descriptor.of(fields[1], digest, Long.parseLong(fields[3]))));
  }

  private void remember(String id, ExportedLayer layer) throws IOException {
    String text =
        layer.diffId()
            + "\n"
            + layer.blob().mediaType()
            + "\n"
            + layer.blob().digest()
            + "\n"
            + layer.blob().size()
            + "\n";
    Path temp = Files.createTempFile(memos, "memo-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, memos.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The blob a layer with diff_id {@code hex} was pulled as, when a named image lists it. */
  private synchronized Optional<ExportedLayer> pulledBlob(String hex) throws IOException {
    if (pulled == null) {
      pulled = indexPulledLayers();
    }
    Digest diffId = new Digest("sha256", hex);
    Descriptor blob = pulled.get(diffId);
    if (blob == null || !store.blobs().contains(blob.digest())) {
      return Optional.empty();
    }
    String mediaType =
        MediaTypes.isGzipLayer(blob.mediaType())
            ? MediaTypes.OCI_LAYER_GZIP
            : blob.mediaType().equals(MediaTypes.OCI_LAYER) ? MediaTypes.OCI_LAYER : "";
    if (mediaType.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ExportedLayer(diffId, Descriptor.of(mediaType, blob.digest(), blob.size())));
  }

  private Map<Digest, Descriptor> indexPulledLayers() throws IOException {
    Map<Digest, Descriptor> index = new HashMap<>();
    for (Digest manifestDigest : store.names().list().values()) {
      try {
        if (!store.blobs().contains(manifestDigest)) {
          continue;
        }
        Manifest manifest = ImageCodec.parseManifest(store.blobs().read(manifestDigest));
        if (!store.blobs().contains(manifest.config().digest())) {
          continue;
        }
        ImageConfig config = ImageCodec.parseConfig(store.blobs().read(manifest.config().digest()));
        for (int i = 0; i < Math.min(config.diffIds().size(), manifest.layers().size()); i++) {
          index.putIfAbsent(config.diffIds().get(i), manifest.layers().get(i));
        }
      } catch (InvalidImageDocumentException e) {
        // Not a single-image manifest (an index): its images are named on their own.
      }
    }
    return index;
  }
}
