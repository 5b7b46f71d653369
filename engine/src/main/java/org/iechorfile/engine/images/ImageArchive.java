package org.iechorfile.engine.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.iechorfile.engine.image.Descriptor;
import org.iechorfile.engine.image.Digest;
import org.iechorfile.engine.image.ImageIndex;
import org.iechorfile.engine.image.InvalidImageDocumentException;
import org.iechorfile.engine.image.Manifest;
import org.iechorfile.engine.image.MediaTypes;
import org.iechorfile.engine.image.Platform;
import org.iechorfile.engine.image.json.ImageCodec;
import org.iechorfile.engine.registry.ImageReference;
import org.iechorfile.engine.registry.InvalidReferenceException;
import org.iechorfile.engine.store.Store;

/**
 * Loads images into the store from an OCI image layout directory, an oci-archive (a tar of such a
 * layout) or a docker-archive ({@code docker save}'s tar with {@code manifest.json}). Every blob is
 * verified against its digest as it enters the store. Use from one thread.
 */
public final class ImageArchive {

  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String CONTAINERD_NAME = "io.containerd.image.name";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;

  /** Loads into {@code store}. */
  public ImageArchive(Store store) {
    this.store = store;
  }

  /** An image loaded and named in the store. */
  public record Loaded(String name, Digest manifest) {}

  /**
   * Loads the images of {@code source} and names them: {@code name} when given (only for a single
   * image), else the names the archive records.
   *
   * @throws ImageUnavailable when the source is no image archive or names no image and no name was
   *     given; the message says what to do
   */
  public List<Loaded> load(Path source, Optional<String> name, Platform platform)
      throws ImageUnavailable, IOException {
    if (Files.isDirectory(source)) {
      return fromDirectory(source, name, platform);
    }
    Path tmp = Files.createDirectories(store.root().resolve("tmp"));
    Path unpacked = Files.createTempDirectory(tmp, "load-");
    try {
      extract(source, unpacked);
      return fromDirectory(unpacked, name, platform);
    } finally {
      try (Stream<Path> walk = Files.walk(unpacked)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private List<Loaded> fromDirectory(Path dir, Optional<String> name, Platform platform)
      throws ImageUnavailable, IOException {
    if (Files.isRegularFile(dir.resolve("index.json"))) {
      return fromLayout(dir, name, platform);
    }
    if (Files.isRegularFile(dir.resolve("manifest.json"))) {
      return fromDockerArchive(dir, name);
    }
    throw new ImageUnavailable(
        ImageUnavailable.Reason.NOT_FOUND,
        dir
            + " holds no image: expected an OCI layout (index.json) or a docker-archive"
            + " (manifest.json); give an oci-archive, docker-archive or OCI layout",
        null);
  }

  private List<Loaded> fromLayout(Path dir, Optional<String> name, Platform platform)
      throws ImageUnavailable, IOException {
    ImageIndex index =
        parse(() -> ImageCodec.parseIndex(Files.readAllBytes(dir.resolve("index.json"))));
    List<Loaded> loaded = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      Descriptor manifest = entry;
      if (MediaTypes.isIndex(entry.mediaType())) {
        ImageIndex nested = parse(() -> ImageCodec.parseIndex(blob(dir, entry.digest())));
        Optional<Descriptor> chosen = nested.select(platform);
        if (chosen.isEmpty()) {
          continue;
        }
        manifest = chosen.get();
      }
      Optional<String> recorded =
          Optional.ofNullable(entry.annotations().get(CONTAINERD_NAME))
              .or(() -> Optional.ofNullable(entry.annotations().get(REF_NAME)));
      String imageName = imageName(name.or(() -> recorded), dir);
      loaded.add(new Loaded(imageName, storeManifest(dir, manifest.digest(), imageName)));
    }
    return checked(loaded, name, dir);
  }

  private Digest storeManifest(Path dir, Digest digest, String imageName)
      throws ImageUnavailable, IOException {
    byte[] bytes = blob(dir, digest);
    Manifest manifest = parse(() -> ImageCodec.parseManifest(bytes));
    for (Descriptor layer : manifest.layers()) {
      put(
          dir.resolve("blobs").resolve(layer.digest().algorithm()).resolve(layer.digest().hex()),
          layer.digest());
    }
    put(
        dir.resolve("blobs").resolve(digest.algorithm()).resolve(manifest.config().digest().hex()),
        manifest.config().digest());
    store.blobs().put(new java.io.ByteArrayInputStream(bytes), digest);
    store.names().tag(imageName, digest);
    return digest;
  }

  private List<Loaded> fromDockerArchive(Path dir, Optional<String> name)
      throws ImageUnavailable, IOException {
    JsonNode entries = JSON.readTree(dir.resolve("manifest.json").toFile());
    List<Loaded> loaded = new ArrayList<>();
    for (JsonNode entry : entries) {
      Path configFile = inside(dir, entry.path("Config").asText());
      Descriptor config =
          Descriptor.of(
              MediaTypes.OCI_CONFIG, put(configFile, Optional.empty()), Files.size(configFile));
      List<Descriptor> layers = new ArrayList<>();
      for (JsonNode layer : entry.path("Layers")) {
        Path file = inside(dir, layer.asText());
        String type = gzipped(file) ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER;
        layers.add(Descriptor.of(type, put(file, Optional.empty()), Files.size(file)));
      }
      byte[] manifest = ImageCodec.write(Manifest.oci(config, layers));
      Digest digest = Digest.sha256(manifest);
      store.blobs().put(new java.io.ByteArrayInputStream(manifest), digest);
      Optional<String> recorded =
          entry.path("RepoTags").isArray() && entry.path("RepoTags").size() > 0
              ? Optional.of(entry.path("RepoTags").get(0).asText())
              : Optional.empty();
      String imageName = imageName(name.or(() -> recorded), dir);
      store.names().tag(imageName, digest);
      loaded.add(new Loaded(imageName, digest));
    }
    return checked(loaded, name, dir);
  }

  private static List<Loaded> checked(List<Loaded> loaded, Optional<String> name, Path dir)
      throws ImageUnavailable {
    if (loaded.isEmpty()) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.NOT_FOUND, dir + " lists no image for this platform", null);
    }
    if (name.isPresent() && loaded.size() > 1) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "the archive holds " + loaded.size() + " images; load it without a name to keep theirs",
          null);
    }
    return loaded;
  }

  private static String imageName(Optional<String> given, Path source) throws ImageUnavailable {
    if (given.isEmpty() || given.get().isBlank()) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.INVALID_REFERENCE,
          "the archive does not name its image; give a name: iechorfile load FILE NAME",
          null);
    }
    try {
      return ImageReference.parse(given.get()).toString();
    } catch (InvalidReferenceException e) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.INVALID_REFERENCE,
          "the image name "
              + given.get()
              + " in "
              + source.getFileName()
              + " is not valid: "
              + e.getMessage(),
          e);
    }
  }

  private byte[] blob(Path dir, Digest digest) throws IOException {
    return Files.readAllBytes(
        dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex()));
  }

  private void put(Path file, Digest expected) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      store.blobs().put(in, expected);
    }
  }

  /** Stores {@code file}, computing its digest first when none is expected. */
  private Digest put(Path file, Optional<Digest> expected) throws IOException {
    Digest digest = expected.isPresent() ? expected.get() : sha256(file);
    put(file, digest);
    return digest;
  }

  private static Digest sha256(Path file) throws IOException {
    MessageDigest sha = Digest.newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return Digest.of("sha256", sha.digest());
  }

  private static boolean gzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static Path inside(Path dir, String name) throws ImageUnavailable {
    Path path = dir.resolve(name).normalize();
    if (name.isEmpty() || !path.startsWith(dir) || !Files.isRegularFile(path)) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "the archive's manifest.json names " + name + ", which the archive lacks",
          null);
    }
    return path;
  }

  /** Unpacks the regular files and directories of tar {@code archive} into {@code target}. */
  private static void extract(Path archive, Path target) throws IOException, ImageUnavailable {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target) || entry.getName().startsWith("/")) {
          throw new ImageUnavailable(
              ImageUnavailable.Reason.OTHER,
              archive
                  + " has an entry outside the archive ("
                  + entry.getName()
                  + "); not loading it",
              null);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          archive + " is not a tar archive; give an oci-archive, docker-archive or OCI layout",
          e);
    }
  }

  /** Parses an image document, turning a bad one into an unavailable image. */
  private interface Parse<T> {
    T run() throws InvalidImageDocumentException, IOException;
  }

  private static <T> T parse(Parse<T> parse) throws ImageUnavailable, IOException {
    try {
      return parse.run();
    } catch (InvalidImageDocumentException e) {
      throw new ImageUnavailable(
          ImageUnavailable.Reason.OTHER,
          "the archive holds a broken image document: " + e.getMessage(),
          e);
    }
  }
}
