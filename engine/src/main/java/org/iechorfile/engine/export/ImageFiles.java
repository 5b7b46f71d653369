package org.iechorfile.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.store.Store;

/**
 * Saves exported images as files other tools load: an OCI layout directory, an oci-archive tar or a
 * docker-archive tar. Archives are written to a temporary file beside the target and renamed into
 * place, so a failed save leaves no partial file. Entries carry fixed times and owners.
 * Thread-safe.
 */
public final class ImageFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String CONTAINERD_NAME = "io.containerd.image.name";

  private final Store store;

  /** Saves images whose blobs are in {@code store}. */
  public ImageFiles(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Saves {@code image} to {@code target} in {@code format}, named {@code name} inside it.
   *
   * @param name the image's name, for example {@code app:1.0}
   * @throws IOException when a blob is missing or the target cannot be written
   */
  public void save(ExportedImage image, Path target, ImageFormat format, ImageReference name)
      throws IOException {
    switch (format) {
      case OCI -> writeLayout(image, target, name);
      case OCI_ARCHIVE -> atomically(target, out -> writeOciArchive(image, out, name));
      case DOCKER_ARCHIVE -> atomically(target, out -> writeDockerArchive(image, out, name));
    }
  }

  private void writeLayout(ExportedImage image, Path directory, ImageReference name)
      throws IOException {
    Path blobs = Files.createDirectories(directory.resolve("blobs").resolve("sha256"));
    for (Descriptor blob : blobs(image)) {
      Path file = blobs.resolve(blob.digest().hex());
      if (!Files.exists(file)) {
        try (InputStream in = store.blobs().open(blob.digest())) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(directory.resolve("oci-layout"), layoutVersion(), StandardCharsets.UTF_8);
    Files.write(directory.resolve("index.json"), index(image, name));
  }

  private void writeOciArchive(ExportedImage image, OutputStream out, ImageReference name)
      throws IOException {
    try (TarArchiveOutputStream tar = tar(out)) {
      directory(tar, "blobs/");
      directory(tar, "blobs/sha256/");
      for (Descriptor blob : blobs(image)) {
        try (InputStream in = store.blobs().open(blob.digest())) {
          file(tar, "blobs/sha256/" + blob.digest().hex(), blob.size(), in);
        }
      }
      bytes(tar, "oci-layout", layoutVersion().getBytes(StandardCharsets.UTF_8));
      bytes(tar, "index.json", index(image, name));
      tar.finish();
    }
  }

  private void writeDockerArchive(ExportedImage image, OutputStream out, ImageReference name)
      throws IOException {
    Digest config = image.manifest().config().digest();
    ArrayNode layers = JSON.createArrayNode();
    java.util.Set<Digest> written = new java.util.HashSet<>();
    try (TarArchiveOutputStream tar = tar(out)) {
      bytes(tar, config.hex() + ".json", store.blobs().read(config));
      for (ExportedLayer layer : image.layers()) {
        String directory = layer.diffId().hex() + "/";
        if (!written.add(layer.diffId())) {
          layers.add(directory + "layer.tar");
          continue;
        }
        directory(tar, directory);
        uncompressed(tar, directory + "layer.tar", layer);
        layers.add(directory + "layer.tar");
      }
      ArrayNode manifest = JSON.createArrayNode();
      ObjectNode entry = manifest.addObject();
      entry.put("Config", config.hex() + ".json");
      entry.putArray("RepoTags").add(name.familiar());
      entry.set("Layers", layers);
      bytes(tar, "manifest.json", JSON.writeValueAsBytes(manifest));
      ObjectNode repositories = JSON.createObjectNode();
      Optional<ExportedLayer> top =
          image.layers().isEmpty()
              ? Optional.empty()
              : Optional.of(image.layers().get(image.layers().size() - 1));
      if (top.isPresent()) {
        String repository = name.familiar().substring(0, name.familiar().lastIndexOf(':'));
        repositories.putObject(repository).put(name.tag(), top.get().diffId().hex());
      }
      bytes(tar, "repositories", JSON.writeValueAsBytes(repositories));
      tar.finish();
    }
  }

  /** Adds a layer as an uncompressed tar, as {@code docker save} has them. */
  private void uncompressed(TarArchiveOutputStream tar, String name, ExportedLayer layer)
      throws IOException {
    boolean gzip = MediaTypes.isGzipLayer(layer.blob().mediaType());
    if (!gzip) {
      try (InputStream in = store.blobs().open(layer.blob().digest())) {
        file(tar, name, layer.blob().size(), in);
      }
      return;
    }
    Path temp = Files.createTempFile(store.root().resolve("tmp"), "layer-", ".tar");
    try {
      try (InputStream in = new GZIPInputStream(store.blobs().open(layer.blob().digest()), 65536)) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      try (InputStream in = Files.newInputStream(temp)) {
        file(tar, name, Files.size(temp), in);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static List<Descriptor> blobs(ExportedImage image) {
    List<Descriptor> blobs = new java.util.ArrayList<>();
    blobs.add(image.manifestDescriptor());
    blobs.add(image.manifest().config());
    image.manifest().layers().stream().filter(l -> !blobs.contains(l)).forEach(blobs::add);
    return blobs;
  }

  private static byte[] index(ExportedImage image, ImageReference name) {
    Descriptor manifest = image.manifestDescriptor();
    Descriptor named =
        new Descriptor(
            manifest.mediaType(),
            manifest.digest(),
            manifest.size(),
            Optional.empty(),
            Map.of(CONTAINERD_NAME, name.toString(), REF_NAME, name.tag()),
            List.of());
    return ImageCodec.write(ImageIndex.oci(List.of(named)));
  }

  private static String layoutVersion() {
    return "{\"imageLayoutVersion\":\"1.0.0\"}";
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  private static void atomically(Path target, Writing writing) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path part = Files.createTempFile(parent, "." + target.getFileName(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        writing.to(out);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static TarArchiveOutputStream tar(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    return tar;
  }

  private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(040755);
    fixed(entry);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void bytes(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    file(tar, name, content.length, new java.io.ByteArrayInputStream(content));
  }

  private static void file(TarArchiveOutputStream tar, String name, long size, InputStream in)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(0100644);
    entry.setSize(size);
    fixed(entry);
    tar.putArchiveEntry(entry);
    long copied = in.transferTo(tar);
    if (copied != size) {
      throw new IOException(name + ": expected " + size + " bytes but the store held " + copied);
    }
    tar.closeArchiveEntry();
  }

  private static void fixed(TarArchiveEntry entry) {
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
    entry.setModTime(FileTime.fromMillis(0));
  }
}
